// The portal's few behaviours, without inline scripts (the Content-Security-Policy forbids them).
// Buttons marked data-print print the page (the action programme, certificates' pages).
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-print]");
  if (button) {
    event.preventDefault();
    window.print();
  }
});
