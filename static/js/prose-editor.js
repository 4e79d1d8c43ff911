/* The rich-text editor of the admin: django-prose-editor (ProseMirror, through Tiptap).

   Loaded as a module from a relative address, without the package's import map, so that the
   admin needs no inline script (Content-Security-Policy script-src 'self'). Its features are
   those the server keeps (portal/richtext.py sanitises with nh3 on save and on output): the
   editor is a convenience, not a defence. The editing area takes the textarea's language and
   direction, so Arabic is written right to left.

   The library words its dialogs with window.gettext (the admin's jsi18n), but names its menu's
   buttons and choices in English in its code. They are given to the same catalogue here (the
   djangojs.po of locale/ar and locale/fr): the buttons' tooltips and spoken names, the
   block-style list's entries, and the choices of the dialogs' lists ("Yes"/"No"), whose values
   stay the library's. Only the menu and the dialogs are touched, never the text being edited. */
import {
  Blockquote, Bold, BulletList, Document, Dropcursor, Gapcursor, HardBreak, Heading, History,
  HorizontalRule, Italic, Link, ListItem, Menu, OrderedList, Paragraph, Strike, Subscript,
  Superscript, Table, TableCell, TableHeader, TableRow, Text, Underline,
  createTextareaEditor, initializeEditors,
} from "../django_prose_editor/editor.js";

const ATTRIBUTE = "data-django-prose-editor-portal";
const translate = window.gettext || ((text) => text);

function translateAttributes(element) {
  for (const name of ["title", "aria-label"]) {
    const value = element.getAttribute(name);
    if (value && translate(value) !== value) element.setAttribute(name, translate(value));
  }
}

function translateTexts(element) {
  for (const node of element.childNodes) {
    const text = node.nodeType === Node.TEXT_NODE ? node.data.trim() : "";
    if (text && translate(text) !== text) node.data = translate(text);
  }
}

/* Translate what the menu and the dialogs of one editor hold; run again as they add elements
   (the menu is built after the editor, a dropdown shows copies of its buttons, a dialog opens). */
function translateMenus(wrapper) {
  for (const element of wrapper.querySelectorAll(
    ".prose-menubar [title], .prose-menubar [aria-label], .prose-editor-dialog [title]",
  )) {
    translateAttributes(element);
  }
  for (const element of wrapper.querySelectorAll(".prose-menubar__option > *")) {
    translateTexts(element);
  }
  for (const option of wrapper.querySelectorAll(".prose-editor-dialog option")) {
    if (!option.hasAttribute("value")) option.value = option.textContent;
    translateTexts(option);
  }
}

function createEditor(textarea) {
  if (textarea.closest(".prose-editor")) return null;
  const editor = createTextareaEditor(textarea, [
    Document, Paragraph, Text, HardBreak, History, Dropcursor, Gapcursor, Menu,
    Bold, Italic, Underline, Strike, Subscript, Superscript,
    Heading.configure({ levels: [2, 3, 4] }),
    BulletList, OrderedList, ListItem, Blockquote, HorizontalRule,
    Link.configure({ openOnClick: false }),
    Table, TableRow, TableHeader, TableCell,
  ]);
  const wrapper = textarea.closest(".prose-editor");
  for (const name of ["dir", "lang"]) {
    if (textarea.hasAttribute(name)) {
      wrapper.setAttribute(name, textarea.getAttribute(name));
      editor.view.dom.setAttribute(name, textarea.getAttribute(name));
    }
  }
  translateMenus(wrapper);
  new MutationObserver(() => translateMenus(wrapper)).observe(wrapper, { childList: true, subtree: true });
  return editor;
}

initializeEditors(createEditor, `[${ATTRIBUTE}]`);
