/* A small rich-text editor for the admin: no dependencies, no third-party code.
   Every <textarea data-richtext> becomes a contenteditable box with a toolbar; the textarea
   stays in the form (hidden) and receives the HTML on every change and on submit. Pasted
   content (Word, web pages) is reduced to the structural tags the server keeps anyway;
   the server sanitises again (association/richtext.py), so this is comfort, not security. */
(function () {
  "use strict";

  var ALLOWED = {
    P: [], BR: [], STRONG: [], B: [], EM: [], I: [], U: [], H2: [], H3: [], H4: [],
    UL: [], OL: [], LI: [], BLOCKQUOTE: [], A: ["href"], TABLE: [], THEAD: [], TBODY: [],
    TR: [], TH: ["colspan", "rowspan"], TD: ["colspan", "rowspan"]
  };
  var DROP = { SCRIPT: 1, STYLE: 1, META: 1, LINK: 1, TITLE: 1, XML: 1, TEMPLATE: 1, IFRAME: 1, OBJECT: 1, IMG: 1 };

  function cleanNode(node, doc) {
    var out = doc.createDocumentFragment();
    Array.prototype.forEach.call(node.childNodes, function (child) {
      if (child.nodeType === 3) {
        out.appendChild(doc.createTextNode(child.nodeValue));
        return;
      }
      if (child.nodeType !== 1) return; // comments (Word's conditional ones included)
      var tag = child.nodeName.toUpperCase();
      if (DROP[tag] || tag.indexOf(":") !== -1 && !child.textContent.trim()) return;
      var inner = cleanNode(child, doc);
      if (!ALLOWED[tag]) {
        out.appendChild(inner); // unwrap <span>, <font>, <o:p>, <div>...
        if (tag === "DIV") out.appendChild(doc.createElement("br"));
        return;
      }
      var copy = doc.createElement(tag);
      ALLOWED[tag].forEach(function (name) {
        var value = child.getAttribute(name);
        if (value && !(name === "href" && !/^(https?:|mailto:|tel:|\/|#)/i.test(value.trim()))) {
          copy.setAttribute(name, value);
        }
      });
      var dir = (child.getAttribute("dir") || "").toLowerCase();
      if (dir === "rtl" || dir === "ltr") copy.setAttribute("dir", dir);
      copy.appendChild(inner);
      out.appendChild(copy);
    });
    return out;
  }

  function cleanHtml(html) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var holder = document.createElement("div");
    holder.appendChild(cleanNode(doc.body, document));
    return holder.innerHTML.replace(/<p>(\s|&nbsp;|<br>)*<\/p>/g, "");
  }

  function button(label, command, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "richtext-toolbar__button richtext-toolbar__button--" + command;
    b.textContent = label;
    b.title = label;
    b.addEventListener("mousedown", function (event) { event.preventDefault(); });
    b.addEventListener("click", onClick);
    return b;
  }

  function enhance(textarea) {
    var labels = JSON.parse(textarea.getAttribute("data-richtext") || "{}");
    var wrapper = document.createElement("div");
    wrapper.className = "richtext";
    var toolbar = document.createElement("div");
    toolbar.className = "richtext-toolbar";
    toolbar.setAttribute("role", "toolbar");
    toolbar.setAttribute("aria-label", labels.toolbar || "Formatting");
    var editor = document.createElement("div");
    editor.className = "richtext-editor";
    editor.contentEditable = "true";
    editor.setAttribute("role", "textbox");
    editor.setAttribute("aria-multiline", "true");
    editor.setAttribute("dir", textarea.getAttribute("dir") || "auto");
    if (textarea.getAttribute("lang")) editor.setAttribute("lang", textarea.getAttribute("lang"));
    if (textarea.id) {
      var label = document.querySelector('label[for="' + textarea.id + '"]');
      if (label) {
        if (!label.id) label.id = textarea.id + "-label";
        editor.setAttribute("aria-labelledby", label.id);
      }
    }
    editor.innerHTML = cleanHtml(textarea.value);

    function sync() { textarea.value = editor.innerHTML; }
    function exec(command, value) {
      editor.focus();
      document.execCommand(command, false, value);
      sync();
    }

    [
      ["bold", "B", function () { exec("bold"); }],
      ["italic", "I", function () { exec("italic"); }],
      ["h2", "H2", function () { exec("formatBlock", "<h2>"); }],
      ["h3", "H3", function () { exec("formatBlock", "<h3>"); }],
      ["p", "¶", function () { exec("formatBlock", "<p>"); }],
      ["ul", "•", function () { exec("insertUnorderedList"); }],
      ["ol", "1.", function () { exec("insertOrderedList"); }],
      ["quote", "❝", function () { exec("formatBlock", "<blockquote>"); }],
      ["link", "🔗", function () {
        var url = window.prompt(labels.linkPrompt || "https://", "https://");
        if (url && /^(https?:|mailto:|tel:)/i.test(url.trim())) exec("createLink", url.trim());
      }],
      ["unlink", "⛓", function () { exec("unlink"); }],
      ["clear", "⌫", function () { exec("removeFormat"); }]
    ].forEach(function (spec) {
      var b = button(labels[spec[0]] || spec[0], spec[0], spec[2]);
      b.setAttribute("aria-label", labels[spec[0]] || spec[0]);
      b.textContent = spec[1];
      toolbar.appendChild(b);
    });

    editor.addEventListener("input", sync);
    editor.addEventListener("blur", sync);
    editor.addEventListener("paste", function (event) {
      var data = event.clipboardData;
      if (!data) return;
      event.preventDefault();
      var html = data.getData("text/html");
      if (html) {
        document.execCommand("insertHTML", false, cleanHtml(html));
      } else {
        document.execCommand("insertText", false, data.getData("text/plain"));
      }
      sync();
    });
    if (textarea.form) textarea.form.addEventListener("submit", sync);

    textarea.hidden = true;
    textarea.parentNode.insertBefore(wrapper, textarea);
    wrapper.appendChild(toolbar);
    wrapper.appendChild(editor);
    wrapper.appendChild(textarea);
  }

  function init() {
    document.execCommand("defaultParagraphSeparator", false, "p");
    Array.prototype.forEach.call(document.querySelectorAll("textarea[data-richtext]"), enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
  window.portalRichText = { clean: cleanHtml };
})();
