// Filling in a worksheet on screen, for a reader without a printer. Progressive enhancement:
// without JavaScript the page is the printable sheet, with drawn lines and boxes. With it,
// ruled lines and boxes become text areas, printed checkboxes become checkboxes, and the
// empty cells of a table become text fields (a "tick" column, checkboxes). Every field is
// labelled with its prompt. Answers are kept in this browser's localStorage, under one key per
// worksheet and language, and never sent anywhere; "Erase my answers" removes them. Printing
// or saving as PDF shows the answers on the sheet's own lines.
(function () {
  'use strict';
  var panel = document.querySelector('[data-fill-panel]');
  var sheet = document.querySelector('article.worksheet .prose');
  if (!panel || !sheet) return;
  var key = panel.getAttribute('data-answers-key');
  var store = null;
  try {
    store = window.localStorage;
    store.getItem(key);
  } catch (e) {
    store = null; // storage refused (private mode, a policy): fields still work, unsaved
  }
  var saved = {};
  if (store) {
    try {
      saved = JSON.parse(store.getItem(key) || '{}') || {};
    } catch (e) {
      saved = {};
    }
  }
  var fields = [];

  function text(el) {
    return el ? el.textContent.replace(/\s+/g, ' ').trim() : '';
  }

  // The prompt of a writing block: the paragraph or heading just before it.
  function promptFor(el) {
    var field = el.closest('.ws-field');
    var prev = field ? field.firstElementChild : el.previousElementSibling;
    while (prev && !/^(P|H[1-6]|LI)$/.test(prev.tagName)) prev = prev.previousElementSibling;
    if (prev) return text(prev);
    var heading = el.previousElementSibling;
    while (heading && !/^H[1-6]$/.test(heading.tagName)) heading = heading.previousElementSibling;
    return text(heading) || document.title;
  }

  function save() {
    if (!store) return;
    var data = {};
    var any = false;
    fields.forEach(function (f, i) {
      var v = f.type === 'checkbox' ? (f.checked ? '1' : '') : f.value;
      if (v) {
        data[i] = v;
        any = true;
      }
    });
    try {
      if (any) store.setItem(key, JSON.stringify(data));
      else store.removeItem(key);
    } catch (e) {
      /* full or refused: the answers stay on screen */
    }
  }

  function grow(area) {
    area.style.height = 'auto';
    area.style.height = area.scrollHeight + 'px';
  }

  function add(field, label) {
    var i = fields.length;
    field.setAttribute('aria-label', label);
    field.setAttribute('data-field', String(i));
    if (saved[i] !== undefined) {
      if (field.type === 'checkbox') field.checked = saved[i] === '1';
      else field.value = saved[i];
    }
    field.addEventListener(field.type === 'checkbox' ? 'change' : 'input', function () {
      if (field.tagName === 'TEXTAREA') grow(field);
      save();
    });
    fields.push(field);
    return field;
  }

  function area(rows, label, placeholder) {
    var t = document.createElement('textarea');
    t.className = 'ws-answer';
    t.rows = rows;
    if (placeholder) t.placeholder = placeholder;
    return add(t, label);
  }

  function input(label) {
    var f = document.createElement('input');
    f.type = 'text';
    f.className = 'ws-cell';
    return add(f, label);
  }

  function tick(label) {
    var c = document.createElement('input');
    c.type = 'checkbox';
    c.className = 'ws-tick';
    return add(c, label);
  }

  var nodes = sheet.querySelectorAll('.ws-lines, .ws-box, .ws-namedate, .ws-check, .ws-table');
  Array.prototype.forEach.call(nodes, function (node) {
    if (node.classList.contains('ws-lines')) {
      var n = parseInt(node.getAttribute('data-lines'), 10) || 1;
      node.appendChild(area(n, promptFor(node)));
      node.classList.add('is-filled');
    } else if (node.classList.contains('ws-box')) {
      var hint = node.querySelector('.ws-hint');
      var rows = parseInt(getComputedStyle(node).getPropertyValue('--rows'), 10) || 3;
      node.appendChild(area(rows, promptFor(node), text(hint)));
      node.classList.add('is-filled');
    } else if (node.classList.contains('ws-namedate')) {
      Array.prototype.forEach.call(node.querySelectorAll('.ws-pair'), function (pair) {
        var blank = pair.querySelector('.ws-blank');
        if (blank) blank.appendChild(input(text(pair.querySelector('.ws-label'))));
      });
    } else if (node.classList.contains('ws-check')) {
      var item = node.parentElement;
      var box = tick(text(item));
      box.checked = box.checked || node.classList.contains('is-checked');
      node.replaceWith(box);
    } else {
      var cols = node.querySelectorAll('col');
      var heads = node.querySelectorAll('thead th');
      Array.prototype.forEach.call(node.querySelectorAll('tbody tr'), function (row) {
        var first = row.cells[0];
        var rowLabel = first && !first.querySelector('.ws-fill') ? text(first) : '';
        Array.prototype.forEach.call(row.cells, function (cell, c) {
          var head = text(heads[c]);
          if (head) cell.setAttribute('data-label', head);
          var fill = cell.querySelector('.ws-fill');
          if (!fill) return;
          var label = rowLabel ? rowLabel + ': ' + head : head;
          var isTick = cols[c] && cols[c].classList.contains('ws-col-tick');
          fill.appendChild(isTick ? tick(label) : input(label));
        });
      });
    }
  });
  if (!fields.length) return;
  document.body.classList.add('is-filling');
  fields.forEach(function (f) {
    if (f.tagName === 'TEXTAREA' && f.value) grow(f);
  });

  var status = panel.querySelector('.fill-status');
  panel.querySelector('[data-fill-erase]').addEventListener('click', function () {
    fields.forEach(function (f) {
      if (f.type === 'checkbox') f.checked = false;
      else f.value = '';
      if (f.tagName === 'TEXTAREA') f.style.height = '';
    });
    if (store) {
      try {
        store.removeItem(key);
      } catch (e) {
        /* nothing was kept */
      }
    }
    if (status) status.textContent = panel.getAttribute('data-erased');
  });
  panel.hidden = false;
})();
