/**
 * The widget's whole stylesheet, injected into its shadow root. Host pages can only reach in through the
 * documented custom properties (they inherit through the shadow boundary):
 * `--pgd-accent` (brand colour; keep white text on it readable, 4.5:1), `--pgd-accent-dark` (its hover shade) and
 * `--pgd-accent-text`.
 */
export const WIDGET_CSS = /* css */ `
:host {
  /* Host pages style generic elements freely (div { … }, * { box-sizing … }); reset everything inherited. */
  all: initial !important;
}
[hidden] { display: none !important; }
*, *::before, *::after { box-sizing: border-box; }

.root {
  --accent: var(--pgd-accent, #1f4fd1);
  --accent-text: var(--pgd-accent-text, #ffffff);
  --accent-dark: var(--pgd-accent-dark, #173c9e);
  --surface: #ffffff;
  --surface-alt: #f2f4f8;
  --border: #d5dae3;
  --text: #1a1d24;
  --muted: #555c6b;
  --danger: #b3261e;
  --warning-bg: #fff4e0;
  --warning-text: #7a4a00;
  --focus: #1f4fd1;
  --radius: 16px;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial,
    "Apple Color Emoji", "Segoe UI Emoji", sans-serif;
  font-size: 15px;
  line-height: 1.45;
  color: var(--text);
  -webkit-font-smoothing: antialiased;
  -webkit-text-size-adjust: 100%;
  text-size-adjust: 100%;
}

button, textarea { font: inherit; color: inherit; }
button { cursor: pointer; }
:focus { outline: none; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }

.visually-hidden {
  position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}

/* Launcher */
.launcher {
  position: fixed;
  right: 20px;
  bottom: calc(20px + env(safe-area-inset-bottom, 0px));
  z-index: 2147483000;
  width: 60px;
  height: 60px;
  border: 0;
  border-radius: 50%;
  background: var(--accent);
  color: var(--accent-text);
  box-shadow: 0 6px 20px rgba(15, 23, 42, 0.28);
  display: grid;
  place-items: center;
  padding: 0;
}
.launcher:hover { background: var(--accent-dark); }
.launcher:focus-visible { outline-offset: 4px; }
.launcher svg { width: 28px; height: 28px; }
.launcher .icon-close { display: none; }
.root[data-open] .launcher .icon-chat { display: none; }
.root[data-open] .launcher .icon-close { display: block; }
.launcher .badge {
  position: absolute; top: 4px; right: 4px; width: 14px; height: 14px; border-radius: 50%;
  background: #e5484d; border: 2px solid #fff;
}

/* Window */
.window {
  position: fixed;
  right: 20px;
  bottom: calc(96px + env(safe-area-inset-bottom, 0px));
  z-index: 2147483001;
  width: 380px;
  height: min(620px, calc(100vh - 120px));
  display: flex;
  flex-direction: column;
  background: var(--surface);
  border-radius: var(--radius);
  box-shadow: 0 12px 48px rgba(15, 23, 42, 0.28), 0 0 0 1px rgba(15, 23, 42, 0.06);
  overflow: hidden;
}

.header {
  display: flex;
  align-items: center;
  gap: 12px;
  padding: 14px 12px 14px 18px;
  padding-inline: 18px 12px;
  background: var(--accent);
  color: var(--accent-text);
  flex: none;
}
.header .avatar {
  width: 36px; height: 36px; border-radius: 50%; flex: none;
  background: rgba(255, 255, 255, 0.18); display: grid; place-items: center;
}
.header .avatar svg { width: 20px; height: 20px; }
.titles { flex: 1; min-width: 0; }
.title { margin: 0; font-size: 16px; font-weight: 650; line-height: 1.25; }
.subtitle { margin: 2px 0 0; font-size: 13px; opacity: 0.92; display: flex; align-items: center; gap: 6px; }
.subtitle::before {
  content: ""; width: 8px; height: 8px; border-radius: 50%; background: #4ade80; flex: none;
}
.root[data-status="reconnecting"] .subtitle::before,
.root[data-status="connecting"] .subtitle::before { background: #fbbf24; }
.root[data-status="unavailable"] .subtitle::before { background: #d1d5db; }
.close {
  width: 40px; height: 40px; border: 0; border-radius: 50%; background: transparent; color: inherit;
  display: grid; place-items: center; flex: none; padding: 0;
}
.close:hover { background: rgba(255, 255, 255, 0.16); }
.header :focus-visible { outline-color: #ffffff; outline-offset: 0; }
.close svg { width: 22px; height: 22px; }

.status {
  flex: none;
  padding: 6px 16px;
  font-size: 13px;
  text-align: center;
  color: var(--muted);
  background: var(--surface-alt);
  border-bottom: 1px solid var(--border);
}
.status[data-state="unavailable"] { color: var(--danger); background: #fdecea; }

.scroller {
  flex: 1;
  min-height: 0;
  overflow-y: auto;
  overscroll-behavior: contain;
  padding: 16px 14px 8px;
  display: flex;
  flex-direction: column;
  gap: 6px;
}
.earlier {
  align-self: center;
  border: 1px solid var(--border);
  background: var(--surface);
  color: var(--accent);
  border-radius: 999px;
  padding: 4px 14px;
  font-size: 13px;
}
.welcome {
  margin: 4px 0 8px;
  align-self: flex-start;
  max-width: 85%;
  padding: 9px 13px;
  border-radius: 4px 14px 14px 14px;
  background: var(--surface-alt);
}
.log { display: flex; flex-direction: column; gap: 10px; }

/* Messages */
.msg { display: flex; flex-direction: column; align-items: flex-start; max-width: 100%; min-width: 0; }
.msg[data-author="shopper"] { align-items: flex-end; }
.author { font-size: 12px; color: var(--muted); margin: 0 4px 2px; }
.bubble {
  max-width: 85%;
  padding: 9px 13px;
  border-radius: 14px;
  background: var(--surface-alt);
  white-space: pre-wrap;
  overflow-wrap: anywhere;
  word-break: normal;
  unicode-bidi: plaintext;
}
.msg[data-author="bot"] .bubble, .msg[data-author="agent"] .bubble { border-start-start-radius: 4px; }
.msg[data-author="agent"] .bubble { background: #e9f1ff; }
.msg[data-author="shopper"] .bubble {
  background: var(--accent);
  color: var(--accent-text);
  border-start-end-radius: 4px;
}
.msg[data-status="sending"] .bubble { opacity: 0.85; }
.msg[data-status="error"] .bubble { background: #fdecea; color: var(--text); outline: 1px solid #f1b5b0; }
.bubble a { color: inherit; text-decoration: underline; text-underline-offset: 2px; }
.msg[data-author="bot"] .bubble a, .msg[data-author="agent"] .bubble a { color: var(--accent-dark); }
.meta { font-size: 12px; color: var(--muted); margin: 3px 4px 0; }
.meta[data-error] { color: var(--danger); }

.notice {
  align-self: stretch;
  margin: 4px 8px;
  text-align: center;
  font-size: 13px;
  color: var(--muted);
  display: flex;
  align-items: center;
  gap: 10px;
}
.notice::before, .notice::after { content: ""; flex: 1; border-top: 1px solid var(--border); }
.notice span { max-width: 80%; }
.notice[data-kind="warning"] span { color: var(--warning-text); }

.quick-replies { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; max-width: 100%; }
.chip {
  border: 1px solid var(--accent);
  background: var(--surface);
  color: var(--accent);
  border-radius: 999px;
  padding: 6px 13px;
  font-size: 14px;
  line-height: 1.3;
  text-align: start;
}
.chip:hover { background: #eef3ff; }

/* Product cards */
.cards {
  display: flex;
  gap: 10px;
  margin-top: 8px;
  max-width: 100%;
  align-self: stretch;
  overflow-x: auto;
  scroll-snap-type: x mandatory;
  padding: 2px 2px 8px;
  list-style: none;
  margin-block-end: 0;
  padding-inline: 2px;
}
.card {
  flex: 0 0 188px;
  scroll-snap-align: start;
  display: flex;
  flex-direction: column;
  border: 1px solid var(--border);
  border-radius: 12px;
  overflow: hidden;
  background: var(--surface);
}
.card-image {
  width: 100%;
  aspect-ratio: 4 / 3;
  object-fit: cover;
  display: block;
  background: var(--surface-alt);
}
.card-placeholder { display: grid; place-items: center; color: var(--muted); font-size: 28px; font-weight: 600; }
.card-body { padding: 9px 11px 11px; display: flex; flex-direction: column; gap: 3px; flex: 1; }
.card-title {
  margin: 0; font-size: 14px; font-weight: 600; line-height: 1.3;
  display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden;
}
.card-subtitle { margin: 0; font-size: 13px; color: var(--muted); }
.card-price { margin: 2px 0 0; font-weight: 650; }
.card-link { margin-top: auto; padding-top: 6px; color: var(--accent-dark); font-size: 13px; font-weight: 600; }
.card .chip { margin-top: 6px; font-size: 13px; text-align: center; }

/* Typing indicator */
.typing {
  flex: none;
  display: flex;
  align-items: center;
  gap: 8px;
  padding: 2px 18px 6px;
  font-size: 13px;
  color: var(--muted);
}
.dots { display: inline-flex; gap: 3px; }
.dots i { width: 6px; height: 6px; border-radius: 50%; background: var(--muted); opacity: 0.6; }

/* Composer */
.composer {
  flex: none;
  display: flex;
  align-items: flex-end;
  gap: 8px;
  padding: 10px 12px;
  padding-bottom: calc(10px + env(safe-area-inset-bottom, 0px));
  border-top: 1px solid var(--border);
  background: var(--surface);
  margin: 0;
}
.field { flex: 1; min-width: 0; display: flex; flex-direction: column; }
.input {
  width: 100%;
  min-height: 42px;
  max-height: 140px;
  resize: none;
  border: 1px solid var(--border);
  border-radius: 12px;
  padding: 10px 12px;
  background: var(--surface);
  line-height: 1.35;
  overflow-y: auto;
  display: block;
  margin: 0;
}
.input::placeholder { color: #6b7280; opacity: 1; }
.input:focus-visible { outline: 2px solid var(--focus); outline-offset: 0; border-color: var(--focus); }
.input:disabled { background: var(--surface-alt); }
.counter { font-size: 12px; color: var(--muted); margin: 4px 4px 0; text-align: end; }
.counter[data-full] { color: var(--danger); }
.send {
  width: 42px;
  height: 42px;
  flex: none;
  border: 0;
  border-radius: 50%;
  background: var(--accent);
  color: var(--accent-text);
  display: grid;
  place-items: center;
  padding: 0;
}
.send:hover { background: var(--accent-dark); }
.send:disabled { background: #9aa3b2; cursor: not-allowed; }
.send svg { width: 20px; height: 20px; }
.root[dir="rtl"] .send svg, .root[dir="rtl"] .icon-flip { transform: scaleX(-1); }

@media (prefers-reduced-motion: no-preference) {
  .launcher { transition: transform 0.15s ease, background-color 0.15s ease; }
  .launcher:hover { transform: scale(1.05); }
  .root[data-open] .window { animation: pgd-rise 0.18s ease-out; }
  .dots i { animation: pgd-blink 1.2s infinite ease-in-out; }
  .dots i:nth-child(2) { animation-delay: 0.2s; }
  .dots i:nth-child(3) { animation-delay: 0.4s; }
}
@keyframes pgd-rise { from { opacity: 0; transform: translateY(12px); } to { opacity: 1; transform: none; } }
@keyframes pgd-blink { 0%, 80%, 100% { opacity: 0.25; } 40% { opacity: 1; } }

/* Phones: the window takes the whole screen; dvh follows the collapsing browser toolbars. */
@media (max-width: 480px) {
  .window {
    inset: 0;
    width: 100%;
    height: 100vh;
    height: 100dvh;
    max-height: none;
    border-radius: 0;
  }
  .root[data-open] .launcher { display: none; }
  /* 16px stops iOS Safari from zooming the page when the textarea gets focus. */
  .input { font-size: 16px; }
}

@media (forced-colors: active) {
  .launcher, .send, .chip, .bubble, .window { border: 1px solid CanvasText; }
}
`;
