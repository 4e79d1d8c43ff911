// The portal's few behaviours, without inline scripts (the Content-Security-Policy forbids them).
// Buttons marked data-print print the page (the action programme, certificates' pages).
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-print]");
  if (button) {
    event.preventDefault();
    window.print();
  }
});

// The main menu is a <details> disclosure that folds on phones (it works without this script).
// On wider screens it is kept open, for browsers that cannot show a closed <details>' content;
// on phones Escape closes it and puts the focus back on its toggle.
const mainNav = document.querySelector("[data-main-nav]");
if (mainNav) {
  const wide = window.matchMedia("(min-width: 48rem)");
  const follow = () => {
    mainNav.open = wide.matches;
  };
  follow();
  wide.addEventListener("change", follow);
  mainNav.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && mainNav.open && !wide.matches) {
      mainNav.open = false;
      mainNav.querySelector("summary").focus();
    }
  });
}
