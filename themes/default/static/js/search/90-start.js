// Start-up: what search.js gives to tests and other scripts (`__hbSearch.lib`), and the UI
// started once the page is ready (not under Node, where there is no document).
//
// Uses: every part before this one.

registry.lib = {
  normalize: normalize,
  tokenize: tokenize,
  analyze: analyze,
  analyzeWord: analyzeWord,
  stemHindi: stemHindi,
  stemEnglish: stemEnglish,
  skeletonLatin: skeletonLatin,
  skeletonDevanagari: skeletonDevanagari,
  queryTokens: queryTokens,
  createEngine: createEngine,
  createLoader: createLoader,
  nearestWords: nearestWords,
  highlight: highlight,
  snippet: snippet,
  DEVA_ASCII: DEVA_ASCII
};

if (root.document && root.document.querySelector) {
  if (root.document.readyState === 'loading') root.document.addEventListener('DOMContentLoaded', initUi);
  else initUi();
}
