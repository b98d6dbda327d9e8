// Print buttons on worksheets and print packs. Progressive enhancement: the buttons are
// rendered `hidden`, because without JavaScript they could do nothing (the page says how to
// print instead); this script reveals them and makes them open the browser's print dialog.
(function () {
  'use strict';
  if (typeof window.print !== 'function') return;
  var buttons = document.querySelectorAll('button[data-print]');
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].addEventListener('click', function () {
      window.print();
    });
    buttons[i].hidden = false;
  }
})();
