'use strict';
// What every row shares is written once on the page (#roster-shared, bureau.admin): the
// attributes select2 reads from each row's autocomplete (data-autocomplete), and the list of
// offices of each row's select, written with its chosen option only (data-choices). Both are
// set back as the page opens, before Django's autocomplete.js starts select2 (a jQuery "ready"
// handler, which runs after the DOMContentLoaded listeners) and before anyone opens a list.
(function () {
  function expand() {
    const data = document.getElementById('roster-shared');
    if (!data) {
      return;
    }
    const shared = JSON.parse(data.textContent);
    document.querySelectorAll('select[data-autocomplete]').forEach(function (select) {
      const attrs = shared.autocomplete[select.dataset.autocomplete] || {};
      Object.keys(attrs).forEach(function (name) {
        select.setAttribute(name, attrs[name]);
      });
    });
    document.querySelectorAll('select[data-choices]').forEach(function (select) {
      const choices = shared.choices[select.dataset.choices];
      if (!choices) {
        return;
      }
      const chosen = select.value;
      select.textContent = '';
      choices.forEach(function (choice) {
        select.add(new Option(choice[1], choice[0], choice[0] === chosen, choice[0] === chosen));
      });
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', expand);
  } else {
    expand();
  }
})();
// The roster's "title as published" column follows edits before saving: when a row's office,
// rank or person changes, the title is generated again by the server (same rules, same wording).
document.addEventListener('DOMContentLoaded', function () {
  // Read once the page is parsed: the admin's jQuery (django.jQuery) may load after this file.
  const $ = window.django && window.django.jQuery;
  if (!$) {
    return;
  }
  function field(row, name) {
    return row.querySelector('[name$="-' + name + '"]');
  }
  function key(row) {
    return ['office', 'role', 'rank', 'person'].map(function (name) {
      const input = field(row, name);
      return input ? input.value : '';
    }).join('|');
  }
  // Rows as the server drew them: widgets that announce their first value do not ask again.
  document.querySelectorAll('.inline-group tr.form-row').forEach(function (row) {
    row.dataset.previewed = key(row);
    const person = field(row, 'person');
    row.dataset.person = person ? person.value : '';
  });
  function refresh(row) {
    if (!row || row.dataset.previewed === key(row)) {
      return;
    }
    row.dataset.previewed = key(row);
    const path = window.location.pathname;
    const url = path.replace(/\/bureau\/(mandate|committee)\/.*$/, '/bureau/mandate/title-preview/');
    const cell = row.querySelector('td.field-generated_title');
    if (url === path || !cell) {
      return;
    }
    const params = new URLSearchParams();
    const committee = path.match(/\/bureau\/committee\/(\d+)\//);
    if (committee) {
      params.set('committee', committee[1]);
    }
    ['office', 'role', 'rank', 'person'].forEach(function (name) {
      const input = field(row, name);
      if (input) {
        params.set(name, input.value);
      }
    });
    fetch(url + '?' + params.toString(), {credentials: 'same-origin'})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data) {
          return;
        }
        cell.textContent = '';
        const ar = document.createElement('span');
        ar.lang = 'ar';
        ar.dir = 'rtl';
        ar.textContent = data.ar || '–';
        const fr = document.createElement('bdi');
        fr.lang = 'fr';
        fr.dir = 'ltr';
        fr.textContent = data.fr || '';
        cell.append(ar, document.createElement('br'), fr);
      });
  }
  // Another person chosen: the row's replacement date and correction box appear (written
  // empty, bureau.admin.DeferredInput), labelled like their column.
  function replacementFields(row, prefix) {
    [['replaced_on', 'text', 'vDateField'], ['correction', 'checkbox', '']].forEach(function (field) {
      const cell = row.querySelector('td.field-' + field[0]);
      const header = row.closest('table').querySelector('th.column-' + field[0]);
      if (!cell || cell.querySelector('input')) {
        return;
      }
      const input = document.createElement('input');
      input.type = field[1];
      input.name = prefix + '-' + field[0];
      input.id = 'id_' + input.name;
      if (field[2]) {
        input.className = field[2];
      }
      const label = document.createElement('label');
      label.htmlFor = input.id;
      label.textContent = header ? header.textContent.trim() : field[0];
      cell.append(label, input);
      if (field[1] === 'text' && window.DateTimeShortcuts) {
        window.DateTimeShortcuts.addCalendar(input);
      }
    });
  }
  $(document).on('change', '.inline-group select, .inline-group input', function () {
    const row = this.closest('tr');
    if (/-person$/.test(this.name) && row && row.classList.contains('has_original') &&
        this.value !== row.dataset.person) {
      replacementFields(row, this.name.replace(/-person$/, ''));
    }
    if (/-(office|role|rank|person)$/.test(this.name)) {
      refresh(row);
    }
  });
});
