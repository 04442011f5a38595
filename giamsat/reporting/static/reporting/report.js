// The report form: show the answer of an autosave even when it is a 409 (someone else saved)
// or a 422 (a field is wrong), so the officer reads the message instead of nothing.
document.addEventListener("htmx:beforeSwap", (event) => {
  const status = event.detail.xhr.status;
  if (status === 409 || status === 422 || status === 400) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});
