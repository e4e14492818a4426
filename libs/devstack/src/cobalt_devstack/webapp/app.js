// CobaltConnect web front end: plain JavaScript, no build step. Every call goes to the same
// origin with the merchant's bearer token; every error shown is the API's own message.
"use strict";

const $ = (sel, root = document) => root.querySelector(sel);
const page = () => $("#page");
const money = (v) => Number(v).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
const cents = (v) => Math.round(Number(v) * 100);
const fromCents = (c) => (c / 100).toFixed(2);

// ------------------------------------------------------------------ sign-in and API
function token() {
  const fromHash = location.hash.match(/token=([^&]+)/);
  if (fromHash) {
    sessionStorage.setItem("token", decodeURIComponent(fromHash[1]));
    history.replaceState(null, "", location.pathname + "#/payables");
  }
  return sessionStorage.getItem("token");
}

class ApiError extends Error {
  constructor(status, message, code) { super(message); this.status = status; this.code = code; }
}

async function api(method, path, body, extraHeaders = {}) {
  const headers = { Authorization: `Bearer ${token()}`, ...extraHeaders };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(0, "CobaltConnect could not be reached; check your connection and try again.");
  }
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = text; }
  if (!response.ok) {
    const message = (data && data.error && data.error.message) || `The request failed (${response.status}).`;
    throw new ApiError(response.status, message, data && data.error && data.error.code);
  }
  return data;
}

function flash(message, kind = "ok") {
  $("#flash").innerHTML = message ? `<div class="msg ${kind}">${esc(message)}</div>` : "";
}

// Runs an action once at a time: the button is disabled and says what is happening.
async function busy(button, label, action) {
  if (button.disabled) return;
  const before = button.textContent;
  button.disabled = true;
  button.textContent = label;
  try { await action(); } catch (e) { flash(e.message, "bad"); } finally {
    button.disabled = false;
    button.textContent = before;
  }
}

const NOT_SET_UP = (message) => `<div class="notice warn" id="not-set-up"><strong>QuickBooks is not set up yet.</strong><br>${esc(message)}</div>`;
const stateClass = (s) => String(s).split(" ")[0];
const newKey = () => (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random());

// ------------------------------------------------------------------ Accounts Payable
async function payablesPage() {
  page().innerHTML = "<h1>Accounts Payable</h1><p>Loading…</p>";
  const [ap, payments] = await Promise.all([api("GET", "/accounts-payable"), api("GET", "/payments")]);
  const vendors = {};
  for (const b of ap.due) (vendors[b.vendor_name] ??= { bills: [], credits: [] }).bills.push(b);
  for (const c of ap.credits) (vendors[c.vendor_name] ??= { bills: [], credits: [] }).credits.push(c);
  let html = `<h1>Accounts Payable</h1>
    <p class="muted">Select what to pay and the credits to apply, then Send to QuickBooks: one check per vendor from the Operating Account.</p>`;
  if (!Object.keys(vendors).length) html += `<div class="notice">Nothing is due. Received orders appear here as bills.</div>`;
  for (const [name, v] of Object.entries(vendors)) {
    html += `<section class="vendor" data-vendor="${esc(name)}"><h2>${esc(name)}</h2><table>
      <thead><tr><th scope="col">Pay</th><th scope="col">Invoice</th><th scope="col">Date</th><th scope="col">Due</th>
      <th scope="col" class="num">Open</th><th scope="col" class="num">Amount to pay</th><th scope="col">QuickBooks</th></tr></thead><tbody>`;
    for (const b of v.bills) {
      const disabled = b.in_pending_payment || b.state === "failed" ? "disabled" : "";
      html += `<tr><td><input type="checkbox" class="pick-bill" id="bill-${b.id}" data-id="${b.id}" ${disabled}
          aria-label="Pay bill ${esc(b.invoice_number)}"></td>
        <td><label for="bill-${b.id}">${esc(b.invoice_number)}</label></td><td>${b.bill_date}</td><td>${b.due_date ?? ""}</td>
        <td class="num">${money(b.open_balance)}</td>
        <td class="num"><input class="amount bill-amount" data-id="${b.id}" value="${b.open_balance}" inputmode="decimal"
          aria-label="Amount to pay on ${esc(b.invoice_number)}" ${disabled}></td>
        <td><span class="state ${stateClass(b.state)}">${b.in_pending_payment ? "in a payment waiting for QuickBooks" : esc(b.state)}</span></td></tr>`;
    }
    for (const c of v.credits) {
      const disabled = c.in_pending_payment || c.state === "failed" ? "disabled" : "";
      html += `<tr class="credit"><td><input type="checkbox" class="pick-credit" id="credit-${c.id}" data-id="${c.id}" ${disabled}
          aria-label="Apply credit ${esc(c.invoice_number)}"></td>
        <td><label for="credit-${c.id}">Credit ${esc(c.invoice_number)}</label></td><td>${c.credit_date}</td><td></td>
        <td class="num">−${money(c.available)}</td>
        <td class="num"><input class="amount credit-amount" data-id="${c.id}" value="${c.available}" inputmode="decimal"
          aria-label="Credit to apply from ${esc(c.invoice_number)}" ${disabled}></td>
        <td><span class="state ${stateClass(c.state)}">${esc(c.state)}</span></td></tr>`;
    }
    html += `</tbody></table><div class="preview" aria-live="polite"></div></section>`;
  }
  html += `<button id="send" type="button">Send to QuickBooks</button>
    <p class="muted">QuickBooks is updated when the Web Connector next runs (every 10 minutes), or at once when you force an update in the Web Connector.</p>
    <h2>Payments</h2>${paymentsTable(payments)}`;
  page().innerHTML = html;
  const update = () => {
    for (const section of page().querySelectorAll("section.vendor")) {
      let bills = 0, credits = 0;
      section.querySelectorAll(".pick-bill:checked").forEach((x) => { bills += cents($(`.bill-amount[data-id="${x.dataset.id}"]`).value); });
      section.querySelectorAll(".pick-credit:checked").forEach((x) => { credits += cents($(`.credit-amount[data-id="${x.dataset.id}"]`).value); });
      $(".preview", section).textContent = bills || credits
        ? `${section.dataset.vendor}: bills ${money(fromCents(bills))} - credits ${money(fromCents(credits))} = check ${money(fromCents(bills - credits))} from Operating Account`
        : "";
    }
  };
  page().addEventListener("input", update);
  page().addEventListener("change", update);
  let key = newKey(); // one key per selection: a double click is one payment
  page().addEventListener("change", () => { key = newKey(); });
  $("#send").addEventListener("click", (ev) => busy(ev.target, "Sending…", async () => {
    const bills = [...page().querySelectorAll(".pick-bill:checked")].map((x) => ({ bill_id: x.dataset.id, amount: $(`.bill-amount[data-id="${x.dataset.id}"]`).value.trim() }));
    const credits = [...page().querySelectorAll(".pick-credit:checked")].map((x) => ({ credit_id: x.dataset.id, amount: $(`.credit-amount[data-id="${x.dataset.id}"]`).value.trim() }));
    const made = await api("POST", "/payments", { bills, credits }, { "Idempotency-Key": key });
    await payablesPage();
    flash(`Sent: ${made.map((p) => `${p.vendor_name} ${money(p.amount)}`).join(", ")}. It goes to QuickBooks at the next Web Connector update.`);
  }));
}

function paymentsTable(payments) {
  if (!payments.length) return `<p class="muted">No payments yet.</p>`;
  return `<table id="payments"><thead><tr><th scope="col">Vendor</th><th scope="col">Date</th><th scope="col" class="num">Check</th><th scope="col">State</th><th scope="col">Detail</th></tr></thead><tbody>
    ${payments.map((p) => `<tr data-id="${p.id}"><td>${esc(p.vendor_name)}</td><td>${p.payment_date}</td><td class="num">${money(p.amount)}</td>
      <td><span class="state ${stateClass(p.state)}">${p.state === "pending" ? "waiting for the Web Connector" : esc(p.state)}</span></td>
      <td>${esc(p.txn_id ? `${p.detail} (TxnID ${p.txn_id})` : p.detail)}</td></tr>`).join("")}</tbody></table>`;
}

// ------------------------------------------------------------------ Chart of Accounts
const TYPE_NAMES = { Bank: "Bank", AccountsPayable: "Accounts Payable", OtherCurrentAsset: "Other Current Asset",
  OtherCurrentLiability: "Other Current Liability", CostOfGoodsSold: "Cost of Goods Sold", Expense: "Expense",
  OtherExpense: "Other Expense", Income: "Income", OtherIncome: "Other Income" };
async function coaPage(selectedKey) {
  page().innerHTML = "<h1>Chart of Accounts</h1><p>Loading…</p>";
  let accounts;
  try { accounts = await api("GET", "/coa/accounts"); } catch (e) {
    if (e.code === "not_set_up") { page().innerHTML = `<h1>Chart of Accounts</h1>${NOT_SET_UP(e.message)}`; return; }
    throw e;
  }
  const [chart, waiting] = await Promise.all([
    api("GET", "/coa/quickbooks-accounts"),
    api("GET", "/entries?state=waiting%20for%20mapping&limit=500").catch(() => []),
  ]);
  const waits = (key) => waiting.filter((e) => e.detail.includes(key)).length;
  const selected = accounts.find((a) => a.key === selectedKey) || accounts.find((a) => a.state !== "mapped") || accounts[0];
  const unmapped = accounts.filter((a) => a.state !== "mapped").length;
  let html = `<h1>Chart of Accounts</h1>
    <p class="muted">Accounts are managed in QuickBooks. Choose the QuickBooks account each CobaltConnect account posts to.
    ${unmapped ? `<strong>${unmapped} account(s) need a QuickBooks account.</strong>` : ""}</p>
    <div class="split"><div class="accounts" role="group" aria-label="CobaltConnect accounts">`;
  for (const a of accounts) {
    const n = waits(a.key);
    html += `<button type="button" class="account ${a.state === "mapped" ? "" : "needs-mapping"}" data-key="${esc(a.key)}" aria-pressed="${a === selected}">
      <strong>${esc(a.name)}</strong><br><span class="muted">${a.mapping ? `→ ${esc(a.mapping.qb_full_name)}` : "not mapped"}</span>
      <span class="state ${stateClass(a.state)}"> ${a.state === "mapped" ? "" : esc(a.state)}</span>
      ${n && a.state !== "mapped" ? `<br><span class="muted">${n} entr${n === 1 ? "y waits" : "ies wait"} on it</span>` : ""}</button>`;
  }
  html += `</div><div class="detail">`;
  if (selected) {
    const fits = chart.accounts.filter((q) => selected.allowed_types.includes(q.account_type) && q.is_active);
    html += `<h2>${esc(selected.name)}</h2>
      ${selected.problem ? `<div class="notice bad">${esc(selected.problem)}</div>` : ""}
      <p class="muted">Needs a QuickBooks account of type ${selected.allowed_types.map((t) => TYPE_NAMES[t] || t).join(" or ")}.</p>
      <label for="qb-account">QuickBooks account</label>
      <select id="qb-account"><option value="">Choose…</option>
        ${fits.map((q) => `<option value="${esc(q.list_id)}" ${selected.mapping && selected.mapping.qb_list_id === q.list_id ? "selected" : ""}>${esc(q.full_name)}${q.number ? ` (${esc(q.number)})` : ""}</option>`).join("")}
      </select>
      <p><button type="button" id="map">Map</button> ${selected.mapping ? `<button type="button" class="secondary" id="unmap">Remove mapping</button>` : ""}</p>
      ${!chart.accounts.length ? `<div class="notice">No QuickBooks accounts yet: refresh the list below; they are read at the next Web Connector update.</div>` : ""}`;
  }
  html += `<h2>QuickBooks accounts</h2>
    <p class="muted">${chart.refreshed_at ? `Read ${new Date(chart.refreshed_at).toLocaleString()}.` : "Never read."}
    ${chart.refresh_pending ? "A refresh waits for the next Web Connector update." : ""}</p>
    <button type="button" class="secondary" id="refresh">Refresh QuickBooks accounts</button></div></div>`;
  page().innerHTML = html;
  page().querySelectorAll("button.account").forEach((b) => b.addEventListener("click", () => coaPage(b.dataset.key).catch((e) => flash(e.message, "bad"))));
  $("#refresh").addEventListener("click", (ev) => busy(ev.target, "Asking…", async () => {
    const r = await api("POST", "/coa/quickbooks-accounts/refresh");
    await coaPage(selected && selected.key);
    flash(r.message);
  }));
  if (!selected) return;
  $("#map").addEventListener("click", (ev) => busy(ev.target, "Mapping…", async () => {
    const listId = $("#qb-account").value;
    if (!listId) throw new Error("Choose a QuickBooks account first.");
    await api("PUT", `/coa/accounts/${encodeURIComponent(selected.key)}/mapping`, { qb_list_id: listId });
    await coaPage(selected.key);
    flash(`${selected.name} is mapped; entries waiting for it go to QuickBooks at the next update.`);
  }));
  const unmap = $("#unmap");
  if (unmap) unmap.addEventListener("click", (ev) => busy(ev.target, "Removing…", async () => {
    await api("DELETE", `/coa/accounts/${encodeURIComponent(selected.key)}/mapping`);
    await coaPage(selected.key);
    flash(`${selected.name} is no longer mapped.`);
  }));
}

// ------------------------------------------------------------------ QB Entries
async function entriesPage() {
  page().innerHTML = "<h1>QB Entries</h1><p>Loading…</p>";
  let connection;
  try { connection = await api("GET", "/connection"); } catch (e) {
    if (e.code === "not_set_up" || e.status === 404 || e.status === 409) { page().innerHTML = `<h1>QB Entries</h1>${NOT_SET_UP(e.message)}`; return; }
    throw e;
  }
  if (connection.status === "not set up") { page().innerHTML = `<h1>QB Entries</h1>${NOT_SET_UP(connection.message)}`; return; }
  const state = sessionStorage.getItem("entries-state") || "";
  const kind = sessionStorage.getItem("entries-kind") || "";
  const query = new URLSearchParams({ limit: "200", ...(state && { state }), ...(kind && { kind }) });
  const entries = await api("GET", `/entries?${query}`);
  const last = connection.last_contact_at ? new Date(connection.last_contact_at).toLocaleString() : "never";
  const states = ["", "waiting for mapping", "waiting for prerequisite", "ready", "sent", "synced", "failed", "cancelled"];
  const kinds = ["", "bill", "vendor-credit", "bill-payment", "deposit", "journal-entry", "vendor", "account-query"];
  page().innerHTML = `<h1>QB Entries</h1>
    <div class="notice ${connection.overdue || connection.last_error ? "warn" : ""}" id="health">
      Web Connector: <strong>${esc(connection.status)}</strong>; last contact ${esc(last)}.
      ${connection.overdue ? "<strong>Overdue:</strong> the Web Connector has not called for more than twice its interval; check that it runs on the QuickBooks PC." : ""}
      ${connection.last_error ? `<br>${esc(connection.last_error)}` : ""}
      <br>${connection.entries_waiting} entr${connection.entries_waiting === 1 ? "y" : "ies"} waiting.</div>
    <label>State <select id="f-state">${states.map((s) => `<option ${s === state ? "selected" : ""} value="${s}">${s || "all"}</option>`).join("")}</select></label>
    <label>Kind <select id="f-kind">${kinds.map((k) => `<option ${k === kind ? "selected" : ""} value="${k}">${k || "all"}</option>`).join("")}</select></label>
    <table id="entries"><thead><tr><th scope="col">Date</th><th scope="col">Kind</th><th scope="col">State</th><th scope="col">What to know</th><th scope="col"></th></tr></thead><tbody>
    ${entries.map((e) => `<tr data-id="${e.id}"><td>${e.txn_date}</td><td>${esc(e.kind)}</td>
      <td><span class="state ${stateClass(e.state)}">${esc(e.state)}</span></td>
      <td>${esc(e.detail)}${e.txn_id ? `<br><span class="muted">TxnID ${esc(e.txn_id)}</span>` : ""}</td>
      <td>${e.state === "failed" ? `<button type="button" class="secondary retry" data-id="${e.id}">Retry</button>` : ""}</td></tr>`).join("")}
    </tbody></table>${entries.length ? "" : `<p class="muted">No entries.</p>`}`;
  $("#f-state").addEventListener("change", (ev) => { sessionStorage.setItem("entries-state", ev.target.value); entriesPage().catch((e) => flash(e.message, "bad")); });
  $("#f-kind").addEventListener("change", (ev) => { sessionStorage.setItem("entries-kind", ev.target.value); entriesPage().catch((e) => flash(e.message, "bad")); });
  page().querySelectorAll("button.retry").forEach((b) => b.addEventListener("click", () => busy(b, "Retrying…", async () => {
    await api("POST", `/entries/${b.dataset.id}/retry`);
    await entriesPage();
    flash("The entry is sent again at the next Web Connector update.");
  })));
}

// ------------------------------------------------------------------ Orders
function lineRow(n) {
  return `<fieldset class="line"><legend>Line ${n}</legend>
    <label>Category <input name="category" required></label>
    <label>Description <input name="description"></label>
    <label>Quantity <input name="quantity" class="amount" inputmode="decimal" value="1"></label>
    <label>Unit cost <input name="unit_cost" class="amount" inputmode="decimal"></label></fieldset>`;
}

async function ordersPage() {
  const orders = await api("GET", "/orders");
  const today = new Date().toISOString().slice(0, 10);
  page().innerHTML = `<h1>Orders</h1>
    <form id="order-form" novalidate>
      <label>Vendor <input name="vendor_name" required></label>
      <label>Invoice number <input name="invoice_number" required></label>
      <label>Order date <input name="order_date" type="date" value="${today}"></label>
      <label>Due date <input name="due_date" type="date"></label>
      <label>Received on <input name="received_on" type="date" value="${today}"></label>
      <div id="lines">${lineRow(1)}</div>
      <button type="button" class="secondary" id="add-line">Add a line</button>
      <fieldset><legend>Credit (optional)</legend>
        <label>Reason <select name="credit_reason"><option value="">none</option><option>return</option><option>breakage</option><option>allowance</option><option>deposit refund</option></select></label>
        <label>Amount <input name="credit_amount" class="amount" inputmode="decimal"></label>
        <label>Category <input name="credit_category"></label></fieldset>
      <p><button type="submit" id="receive">Record and receive</button></p>
    </form>
    <h2>Recent orders</h2>
    <table id="orders"><thead><tr><th scope="col">Vendor</th><th scope="col">Invoice</th><th scope="col">Ordered</th><th scope="col">Received</th><th scope="col" class="num">Total</th><th scope="col" class="num">Credits</th></tr></thead><tbody>
    ${orders.map((o) => `<tr><td>${esc(o.vendor_name)}</td><td>${esc(o.invoice_number)}</td><td>${o.order_date}</td>
      <td>${o.received_on ?? `<button type="button" class="secondary receive" data-id="${o.id}">Receive today</button>`}</td>
      <td class="num">${money(o.total)}</td><td class="num">${money(o.credit_total)}</td></tr>`).join("")}
    </tbody></table>`;
  page().querySelectorAll("button.receive").forEach((b) => b.addEventListener("click", () => busy(b, "Receiving…", async () => {
    const order = await api("POST", `/orders/${b.dataset.id}/receive`, { received_on: today });
    await ordersPage();
    flash(`Order ${order.invoice_number} received; its bill is in Accounts Payable.`);
  })));
  let n = 1;
  $("#add-line").addEventListener("click", () => { n += 1; $("#lines").insertAdjacentHTML("beforeend", lineRow(n)); });
  const form = $("#order-form");
  let key = newKey();
  form.addEventListener("input", () => { key = newKey(); });
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    busy($("#receive"), "Saving…", async () => {
      const f = new FormData(form);
      const body = {
        vendor_name: f.get("vendor_name"), invoice_number: f.get("invoice_number"),
        order_date: f.get("order_date"), due_date: f.get("due_date") || null, received_on: f.get("received_on") || null,
        lines: [...form.querySelectorAll("fieldset.line")].map((fs) => ({
          category: $("[name=category]", fs).value, description: $("[name=description]", fs).value,
          quantity: $("[name=quantity]", fs).value.trim() || "0", unit_cost: $("[name=unit_cost]", fs).value.trim() || "0",
        })),
        credits: f.get("credit_reason") ? [{ reason: f.get("credit_reason"), amount: f.get("credit_amount"), category: f.get("credit_category") || null }] : [],
      };
      const order = await api("POST", "/orders", body, { "Idempotency-Key": key });
      await ordersPage();
      flash(`Order ${order.invoice_number} recorded (${money(order.total)}); its bill is in Accounts Payable.`);
    });
  });
}

// ------------------------------------------------------------------ Sales
async function salesPage() {
  const end = sessionStorage.getItem("sales-to") || new Date().toISOString().slice(0, 10);
  const start = sessionStorage.getItem("sales-from") || new Date(Date.now() - 6 * 86400000).toISOString().slice(0, 10);
  const [rows, days] = await Promise.all([
    api("GET", `/reports/sales-by-category?from=${start}&to=${end}`),
    api("GET", `/days?from=${start}&to=${end}`),
  ]);
  const totals = {}, tenders = { card: 0, cash: 0, other: 0 };
  for (const r of rows) {
    for (const c of r.sales_by_category) totals[c.category] = (totals[c.category] || 0) + cents(c.amount);
    for (const [k, v] of Object.entries(r.tenders)) tenders[k] += cents(v);
  }
  const max = Math.max(1, ...Object.values(totals));
  const bars = Object.entries(totals).map(([c, v], i) =>
    `<g><text x="0" y="${i * 28 + 17}" font-size="13">${esc(c)}</text><rect class="bar" x="150" y="${i * 28 + 4}" height="18" width="${Math.max(0, 400 * v / max)}"></rect>
     <text x="${158 + Math.max(0, 400 * v / max)}" y="${i * 28 + 17}" font-size="13">${money(fromCents(v))}</text></g>`).join("");
  page().innerHTML = `<h1>Sales</h1>
    <label>From <input type="date" id="from" value="${start}"></label><label>To <input type="date" id="to" value="${end}"></label>
    <button type="button" class="secondary" id="show">Show</button>
    <h2>Sales by category</h2>
    <svg role="img" aria-label="Sales by category" width="100%" height="${Object.keys(totals).length * 28 + 8}" viewBox="0 0 700 ${Object.keys(totals).length * 28 + 8}">${bars}</svg>
    <table id="by-category"><thead><tr><th scope="col">Day</th><th scope="col">Category</th><th scope="col" class="num">Net sales</th></tr></thead><tbody>
    ${rows.flatMap((r) => r.sales_by_category.map((c) => `<tr><td>${r.day}</td><td>${esc(c.category)}</td><td class="num">${money(c.amount)}</td></tr>`)).join("")}
    </tbody></table>
    <h2>Tenders</h2><table><tbody>${Object.entries(tenders).map(([k, v]) => `<tr><th scope="row">${k}</th><td class="num">${money(fromCents(v))}</td></tr>`).join("")}</tbody></table>
    <h2>Days</h2><table id="days"><thead><tr><th scope="col">Day</th><th scope="col">Close</th><th scope="col">QuickBooks entries</th></tr></thead><tbody>
    ${days.map((d) => `<tr><td>${d.day}</td><td>${d.status === "closed" ? "closed" : `open (closes ${d.closes_at.slice(0, 16).replace("T", " ")} store time)`}</td>
      <td>${d.entries.map((e) => `${esc(e.description)}: <span class="state ${stateClass(e.state)}">${esc(e.state)}</span>`).join("<br>")}</td></tr>`).join("")}
    </tbody></table>`;
  $("#show").addEventListener("click", () => {
    sessionStorage.setItem("sales-from", $("#from").value);
    sessionStorage.setItem("sales-to", $("#to").value);
    salesPage().catch((e) => flash(e.message, "bad"));
  });
}

// ------------------------------------------------------------------ routing
const PAGES = { payables: payablesPage, coa: coaPage, entries: entriesPage, orders: ordersPage, sales: salesPage };

async function route() {
  if (!token()) {
    page().innerHTML = `<h1>Sign in</h1><p>Open the link printed by <code>make run</code>, or paste a merchant token.</p>
      <form id="signin"><label>Token <input id="token" size="60" autocomplete="off"></label> <button type="submit">Sign in</button></form>`;
    $("#signin").addEventListener("submit", (ev) => { ev.preventDefault(); sessionStorage.setItem("token", $("#token").value.trim()); location.hash = "#/payables"; route(); });
    return;
  }
  const name = (location.hash.match(/^#\/(\w+)/) || [null, "payables"])[1];
  document.querySelectorAll(".side a").forEach((a) => {
    if (a.dataset.page === name) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
  });
  flash("");
  try { await (PAGES[name] || payablesPage)(); } catch (e) { page().innerHTML = ""; flash(e.message, "bad"); }
  $("#main").focus();
}

window.addEventListener("hashchange", route);
token();
route();
