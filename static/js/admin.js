/* What the portal's admin adds to Django's, on every page (templates/admin/base_site.html).

   - Sortable inlines: "move up"/"move down" buttons (added to each row here) reorder rows from
     the keyboard, and keep adminsortable2's hidden order fields in step, as a drag does.
   - Accessible names: the search box of an autocomplete (select2) takes its field's label;
     the language tabs of translated fields (django-modeltranslation) hold no focusable link
     inside a tab; the language switch has a label.
*/
(function () {
  "use strict";
  const text = JSON.parse(document.getElementById("portal-admin-text").textContent);

  function renumber(fieldset) {
    const rows = fieldset.querySelectorAll("tr.has_original, .inline-related.has_original");
    const reversed = fieldset.classList.contains("reversed");
    rows.forEach(function (row, index) {
      const input = row.querySelector("input._reorder_");
      if (input) input.value = String(reversed ? rows.length - index : index + 1);
    });
  }

  document.addEventListener("click", function (event) {
    const button = event.target.closest("button[data-move]");
    if (!button) return;
    const row = button.closest("tr.has_original, .inline-related.has_original");
    const selector = row.tagName === "TR" ? "tr.has_original" : ".inline-related.has_original";
    let other = button.dataset.move === "up" ? row.previousElementSibling : row.nextElementSibling;
    while (other && !other.matches(selector)) {
      other = button.dataset.move === "up" ? other.previousElementSibling : other.nextElementSibling;
    }
    if (!other) return;
    other.insertAdjacentElement(button.dataset.move === "up" ? "beforebegin" : "afterend", row);
    renumber(row.closest("fieldset"));
    button.focus();
  });

  function labelFor(select) {
    if (select.getAttribute("aria-label")) return select.getAttribute("aria-label");
    const label = select.id && document.querySelector('label[for="' + select.id + '"]');
    return label ? label.textContent.trim().replace(/[:：]$/, "") : "";
  }

  function nameComboboxes() {
    document.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
      const container = select.nextElementSibling;
      const combobox = container && container.querySelector('[role="combobox"]');
      const name = labelFor(select);
      if (combobox && name && !combobox.getAttribute("aria-label")) {
        const rendered = combobox.querySelector(".select2-selection__rendered");
        const value = rendered && rendered.getAttribute("title");
        combobox.setAttribute("aria-label", value ? name + ": " + value : name);
        combobox.removeAttribute("aria-labelledby");
      }
      if (container && name) {
        // The shown value is read as the combobox's; as a "textbox" of its own it had no name.
        container.querySelectorAll('.select2-selection__rendered[role="textbox"]').forEach(function (rendered) {
          rendered.removeAttribute("role");
          rendered.removeAttribute("aria-readonly");
        });
        // select2 puts the "clear all" cross of a multiple choice inside its list of choices,
        // where only list items belong: it moves just before the list (its handler stays on
        // the selection box, and select2 still finds it there to replace it).
        container.querySelectorAll("ul.select2-selection__rendered > .select2-selection__clear").forEach(function (clear) {
          clear.parentElement.before(clear);
        });
        container.querySelectorAll("input.select2-search__field:not([aria-label])").forEach(function (input) {
          input.setAttribute("aria-label", name);
        });
      }
    });
  }

  function fixTranslationTabs() {
    document.querySelectorAll('[role="tab"] a.ui-tabs-anchor[href]').forEach(function (anchor) {
      // The tab itself is focusable; jQuery UI still handles the click on the link.
      anchor.dataset.href = anchor.getAttribute("href");
      anchor.removeAttribute("href");
    });
    const switcher = document.getElementById("modeltranslation-main-switch");
    if (switcher) switcher.setAttribute("aria-label", text.languageSwitch);
  }

  // Inlines written without a label in each cell (data-labels-from-headers): each input is
  // named by its column's header from the server (aria-labelledby); here it gets the header's
  // words as a visible label, a read-only value too (for a phone, where the rows are cards), as
  // the template writes them for the other inlines.
  function addCellLabels() {
    document.querySelectorAll("fieldset[data-labels-from-headers] table").forEach(function (table) {
      const headers = {};
      table.querySelectorAll("thead th").forEach(function (th) {
        const name = Array.from(th.classList).find(function (c) { return c.startsWith("column-"); });
        headers[name ? name.slice(7) : "delete"] = th.textContent.trim();
      });
      table.querySelectorAll("tbody tr.form-row > td").forEach(function (cell) {
        const name = Array.from(cell.classList).find(function (c) { return c.startsWith("field-"); });
        const key = name ? name.slice(6) : (cell.classList.contains("delete") ? "delete" : null);
        if (!key || !headers[key] || cell.classList.contains("hidden")) return;
        const control = cell.querySelector("input:not([type=hidden]), select, textarea");
        let label;
        if (control && control.id) {
          label = document.createElement("label");
          label.htmlFor = control.id;
        } else if (!control && cell.querySelector(":scope > p")) {
          label = document.createElement("span");
          label.setAttribute("aria-hidden", "true");
        } else {
          return;
        }
        label.textContent = headers[key];
        cell.prepend(label);
      });
    });
  }

  // The move buttons of each sortable row, named with the row (not written in every row).
  function addMoveButtons() {
    document.querySelectorAll("fieldset.sortable tr.has_original > td.original").forEach(function (cell) {
      const name = cell.querySelector("p");
      if (!name || cell.querySelector(".inline-move")) return;
      const row = (name.firstChild ? name.firstChild.textContent : name.textContent).trim();
      const buttons = document.createElement("span");
      buttons.className = "inline-move";
      [["up", text.moveUp], ["down", text.moveDown]].forEach(function (move) {
        const button = document.createElement("button");
        button.type = "button";
        button.dataset.move = move[0];
        button.setAttribute("aria-label", move[1] + " " + row);
        buttons.append(button);
      });
      name.after(buttons);
    });
  }

  function improve() {
    nameComboboxes();
    fixTranslationTabs();
  }

  // select2 and the language tabs are set up by jQuery "ready" handlers, which may run after
  // "load", and again for each row added: follow changes to the page.
  let pending = false;
  function soon() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () { pending = false; improve(); });
  }
  document.addEventListener("DOMContentLoaded", function () {
    addCellLabels();
    addMoveButtons();
    improve();
    new MutationObserver(soon).observe(document.body, {childList: true, subtree: true});
  });
  document.addEventListener("change", function (event) {
    if (event.target.matches("select.admin-autocomplete")) {
      const combobox = event.target.nextElementSibling && event.target.nextElementSibling.querySelector('[role="combobox"]');
      if (combobox) combobox.removeAttribute("aria-label");
      window.setTimeout(nameComboboxes, 0);
    }
  });
})();
