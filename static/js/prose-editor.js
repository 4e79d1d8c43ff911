/* The rich-text editor of the admin: django-prose-editor (ProseMirror, through Tiptap).

   Loaded as a module from a relative address, without the package's import map, so that the
   admin needs no inline script (Content-Security-Policy script-src 'self'). Its features are
   those the server keeps (portal/richtext.py sanitises with nh3 on save and on output): the
   editor is a convenience, not a defence. The editing area takes the textarea's language and
   direction, so Arabic is written right to left. */
import {
  Blockquote, Bold, BulletList, Document, Dropcursor, Gapcursor, HardBreak, Heading, History,
  HorizontalRule, Italic, Link, ListItem, Menu, OrderedList, Paragraph, Strike, Subscript,
  Superscript, Table, TableCell, TableHeader, TableRow, Text, Underline,
  createTextareaEditor, initializeEditors,
} from "../django_prose_editor/editor.js";

const ATTRIBUTE = "data-django-prose-editor-portal";

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
  return editor;
}

initializeEditors(createEditor, `[${ATTRIBUTE}]`);
