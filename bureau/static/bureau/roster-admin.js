'use strict';
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
  $(document).on('change', '.inline-group select, .inline-group input', function () {
    if (/-(office|role|rank|person)$/.test(this.name)) {
      refresh(this.closest('tr'));
    }
  });
});
