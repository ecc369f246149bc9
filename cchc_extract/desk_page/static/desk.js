// The review desk: the queue on the left, the current entry on the right, worked from the keyboard.
// Every text shown comes from documents: it is set as textContent, never as HTML.
"use strict";
(function () {
  const S = JSON.parse(document.getElementById("strings").textContent);
  const token = document.querySelector('meta[name="cchc-token"]').content;
  const FIELDS = ["commune", "document", "page", "code", "name", "field", "value", "max_points", "reasons",
                  "severity", "confidence", "status"];
  let entries = [];
  let current = 0;

  const $ = (id) => document.getElementById(id);

  function say(text, bad) {
    const m = $("message");
    m.textContent = text || "";
    m.className = "message" + (bad ? " bad" : "");
  }

  function shown(value) {
    if (value === null || value === undefined || value === "") return "–";
    if (Array.isArray(value)) return value.join("\n");
    if (typeof value === "number") return value.toLocaleString(document.documentElement.lang || "vi");
    return String(value);
  }

  function isOpen(e) { return !e.status || e.status === "open"; }

  function renderQueue() {
    const list = $("queue");
    list.replaceChildren();
    entries.forEach((e, i) => {
      const li = document.createElement("li");
      li.dataset.key = e.key;
      li.id = "entry-" + i;
      if (i === current) li.className = "current";
      if (!isOpen(e)) li.classList.add("done");
      const where = document.createElement("span");
      where.className = "where";
      where.textContent = [e.commune, e.document, e.page ? S.page + " " + e.page : ""].filter(Boolean).join(" · ");
      const what = document.createElement("span");
      what.className = "what";
      what.textContent = [e.code, e.field_label || e.field, shown(e.value)].filter(Boolean).join("  ");
      li.append(where, what);
      li.addEventListener("click", () => { current = i; render(); });
      list.append(li);
    });
    const open = entries.filter(isOpen).length;
    $("counter").textContent = open + " " + S.left;
    $("empty").hidden = entries.length > 0;
    $("detail").hidden = entries.length === 0;
  }

  function renderDetail() {
    const e = entries[current];
    if (!e) return;
    const crop = $("crop");
    if (e.crop) {
      crop.src = "/crop/" + e.crop.split("/").map(encodeURIComponent).join("/");
      crop.alt = [e.code, e.field].filter(Boolean).join(" ");
      crop.hidden = false;
      $("no-crop").hidden = true;
    } else {
      crop.removeAttribute("src");
      crop.hidden = true;
      $("no-crop").hidden = false;
    }
    const body = $("fields").tBodies[0];
    body.replaceChildren();
    for (const name of FIELDS) {
      const tr = document.createElement("tr");
      const th = document.createElement("th");
      th.textContent = S[name] || name;
      const td = document.createElement("td");
      if (name === "status") td.textContent = S[e.status] || e.status || S.open;
      else if (name === "field" && e.field_label) td.textContent = e.field + " (" + e.field_label + ")";
      else td.textContent = shown(e[name]);
      td.dataset.field = name;
      if (name === "value") td.className = "value";
      if (name === "reasons") td.style.whiteSpace = "pre-line";
      tr.append(th, td);
      body.append(tr);
    }
    $("value").value = e.corrected_value === null || e.corrected_value === undefined ? "" : e.corrected_value;
    $("note").value = e.note || "";
    const li = $("entry-" + current);
    if (li) li.scrollIntoView({ block: "nearest" });
  }

  function render() { renderQueue(); renderDetail(); }

  async function load() {
    const response = await fetch("/api/queue", { headers: { "X-CCHC-Token": token } });
    entries = (await response.json()).entries;
    current = Math.min(current, Math.max(0, entries.length - 1));
    render();
  }

  function move(step) {
    if (!entries.length) return;
    current = Math.max(0, Math.min(entries.length - 1, current + step));
    render();
  }

  async function decide(status) {
    const e = entries[current];
    if (!e) return;
    const value = $("value").value.trim();
    if (status === "correct" && !value) { say(S.type_value, true); return; }
    const decision = { key: e.key, code: e.code, status: status, note: $("note").value.trim() || null,
                       value: status === "correct" ? value : (status === "confirm" ? e.value : null) };
    say(S.saving);
    let outcome;
    try {
      const response = await fetch("/api/decisions", {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-CCHC-Token": token },
        body: JSON.stringify({ decisions: [decision] }),
      });
      outcome = await response.json();
      if (!response.ok) throw new Error(outcome.error || response.status);
    } catch (err) {
      say(S.not_saved + ": " + err.message, true);
      return;
    }
    const position = current;
    entries = outcome.entries;
    // The next open entry after the one decided (entries that left the queue are gone from the list).
    const after = entries.findIndex((x, i) => i >= position && isOpen(x) && x.key !== e.key);
    current = after >= 0 ? after : Math.max(0, Math.min(position, entries.length - 1));
    render();
    if (outcome.problems && outcome.problems.length) say(S.not_saved + ": " + outcome.problems.join("; "), true);
    else say(S.saved);
    document.activeElement.blur();
  }

  document.addEventListener("keydown", (ev) => {
    const typing = ev.target instanceof HTMLInputElement;
    if (typing) {
      if (ev.key === "Enter") {
        ev.preventDefault();
        if ($("value").value.trim()) decide("correct");
        else ev.target.blur();
      }
      else if (ev.key === "Escape") { ev.target.blur(); }
      return;
    }
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const actions = {
      j: () => move(1), ArrowDown: () => move(1), k: () => move(-1), ArrowUp: () => move(-1),
      c: () => decide("confirm"), d: () => decide("dismiss"),
      e: () => $("value").focus(), Enter: () => $("value").focus(), n: () => $("note").focus(),
    };
    const act = actions[ev.key];
    if (act) { ev.preventDefault(); act(); }
  });
  $("next").addEventListener("click", () => move(1));
  $("previous").addEventListener("click", () => move(-1));
  $("confirm").addEventListener("click", () => decide("confirm"));
  $("dismiss").addEventListener("click", () => decide("dismiss"));
  $("correct").addEventListener("click", () => decide("correct"));
  load().catch((err) => say(S.not_saved + ": " + err.message, true));
})();
