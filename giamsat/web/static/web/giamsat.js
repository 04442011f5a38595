// Small behaviours that need no library. Loaded with "defer" by base.html.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-tree-toggle]");
  if (!button) return;
  const open = button.dataset.treeToggle === "open";
  document.querySelectorAll(".tree details").forEach((d) => { d.open = open; });
});
