// The reader's choice of light or dark (the header's toggle, see phone.js), applied before
// the page is drawn so it never flashes in the wrong theme. Loaded without `defer` on
// purpose: it is the only script that must run first, and it is a few bytes.
try {
  var t = localStorage.getItem('handbook-theme');
  if (t === 'dark' || t === 'light') document.documentElement.setAttribute('data-theme', t);
} catch (e) {
  /* storage refused: the phone's setting decides */
}
