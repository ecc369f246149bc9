"""``cchc-extract review OUT``: the reviewer's desk, a local page for working the review queue.

The queue on one side, the page crop and the row's fields on the other, worked from the keyboard.
Every decision is saved through the review module's own apply path (the corrections log, the
re-check, the rewritten outputs): the page and ``apply-review`` are one mechanism.

It guards its writes as Jupyter does, since any web page the reviewer opens can send requests to
127.0.0.1:
- it listens on 127.0.0.1 only;
- a random token is in the URL it opens; that first request trades it for a cookie (SameSite=Strict,
  HttpOnly) and a redirect that takes it out of the address bar; every request needs the cookie or
  the token;
- the Host header must name 127.0.0.1 or localhost and its port (a DNS-rebinding page has its own
  host name there);
- a write is a POST carrying the token in a header (a cross-origin page cannot set one without a
  CORS preflight, which is never answered) and, when the browser sends an Origin, that Origin must
  be this server;
- it serves only its own page and the crops the output folder's manifest lists: no path from a
  request reaches the file system.
"""

from __future__ import annotations

import hmac
import json
import logging
import secrets
import signal
import threading
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from flask import Flask, Response, abort, jsonify, redirect, render_template, request, send_file

from cchc_extract.i18n import DEFAULT_LANG, N_, translator
from cchc_extract.outdir import CROPS_DIR, load_manifest

LOOPBACK = "127.0.0.1"
TOKEN_HEADER = "X-CCHC-Token"
_HERE = Path(__file__).resolve().parent / "desk_page"


@dataclass(frozen=True)
class DeskSettings:
    # 0: a free port chosen by the system (two desks on two output folders do not collide).
    port: int = 0
    open_browser: bool = True
    lang: str = DEFAULT_LANG
    # Bytes of randomness in the token (32 bytes: 43 URL-safe characters, as Jupyter's 24+).
    token_bytes: int = 32
    # Each request on stderr (werkzeug's log): only with -v, the reviewer has no use for it.
    log_requests: bool = False


@dataclass
class Desk:
    """One review desk: its output folder, token and the port it ended up on."""

    out_dir: Path
    token: str
    settings: DeskSettings
    port: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)  # one apply at a time
    changed: bool = False  # a decision was saved: the tables and review files are written on close

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}/?token={self.token}"

    @property
    def cookie(self) -> str:
        # Cookies are not kept apart by port: the port in the name keeps two desks apart.
        return f"cchc_desk_{self.port}"

    def allowed_hosts(self) -> set[str]:
        return {f"{LOOPBACK}:{self.port}", f"localhost:{self.port}"}

    def allowed_origins(self) -> set[str]:
        return {f"http://{h}" for h in self.allowed_hosts()}


# Strings of the page, translated on the server and handed to the page's script as JSON.
PAGE_STRINGS = {
    "title": N_("Review desk"),
    "queue": N_("Queue"),
    "empty": N_("Nothing left to review."),
    "commune": N_("Commune"),
    "document": N_("Document"),
    "page": N_("Page"),
    "code": N_("Code"),
    "name": N_("Criterion or indicator"),
    "field": N_("Field"),
    "value": N_("Value read"),
    "max_points": N_("Max points"),
    "reasons": N_("Reasons"),
    "severity": N_("Severity"),
    "confidence": N_("Confidence"),
    "status": N_("Status"),
    "corrected_value": N_("Corrected value"),
    "note": N_("Note"),
    "no_crop": N_("No picture of this row (a typed document, or a row without a box)."),
    "confirm": N_("Confirm"),
    "correct": N_("Save correction"),
    "dismiss": N_("Dismiss"),
    "next": N_("Next"),
    "previous": N_("Previous"),
    "help": N_("Keys: j/↓ next · k/↑ previous · c confirm · e type a value (Enter saves, Esc leaves) · d dismiss"),
    "saved": N_("Saved"),
    "not_saved": N_("Not saved"),
    "saving": N_("Saving…"),
    "open": N_("open"),
    "confirmed": N_("confirmed"),
    "corrected": N_("corrected"),
    "dismissed": N_("dismissed"),
    "left": N_("left to review"),
    "type_value": N_("Type the value first (e), then Enter."),
}


def page_strings(lang: str) -> dict[str, str]:
    _ = translator(lang)
    return {k: _(v) for k, v in PAGE_STRINGS.items()}


def new_desk(out_dir: Path, settings: DeskSettings = DeskSettings()) -> Desk:
    return Desk(out_dir=out_dir, token=secrets.token_urlsafe(settings.token_bytes), settings=settings)


def _same(given: str | None, token: str) -> bool:
    return bool(given) and hmac.compare_digest(str(given).encode(), token.encode())


def create_app(
    desk: Desk,
    entries: Callable[[Path, str], list[dict]],
    apply: Callable[[Path, list[dict], str], dict],
) -> Flask:
    """The page's web application. ``entries(out_dir, lang)`` is the queue; ``apply(out_dir,
    decisions, lang)`` saves decisions through the review module and says what happened."""
    app = Flask(__name__, static_folder=str(_HERE / "static"), template_folder=str(_HERE))
    app.config["MAX_CONTENT_LENGTH"] = 1 << 20  # a batch of decisions is a few KB

    @app.before_request
    def guard():
        if request.host not in desk.allowed_hosts():  # DNS rebinding: another name for our address
            abort(403)
        if request.method == "POST":
            origin = request.headers.get("Origin")
            if origin is not None and origin not in desk.allowed_origins():
                abort(403)
            if not _same(request.headers.get(TOKEN_HEADER), desk.token):
                abort(403)
            return None
        if request.endpoint == "index" and _same(request.args.get("token"), desk.token):
            return None  # the opened URL: traded for the cookie below
        if _same(request.cookies.get(desk.cookie), desk.token) or _same(request.headers.get(TOKEN_HEADER), desk.token):
            return None
        abort(403)

    @app.after_request
    def headers(response: Response) -> Response:
        response.headers["Content-Security-Policy"] = (
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
            "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
        )
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Referrer-Policy"] = "no-referrer"  # the token never leaves in a Referer
        response.headers["Cache-Control"] = "no-store"
        return response

    @app.get("/")
    def index():
        if request.args.get("token") is not None:
            response = redirect("/", code=303)
            response.set_cookie(desk.cookie, desk.token, httponly=True, samesite="Strict", path="/")
            return response
        strings = page_strings(desk.settings.lang)
        return render_template(
            "desk.html",
            lang=desk.settings.lang,
            strings=strings,
            # Inside <script>: "</" escaped so no string can close the element.
            strings_json=json.dumps(strings, ensure_ascii=False).replace("</", "<\\/"),
            token=desk.token,
            folder=str(desk.out_dir),
        )

    @app.get("/api/queue")
    def queue():
        with desk.lock:
            return jsonify({"entries": entries(desk.out_dir, desk.settings.lang)})

    @app.post("/api/decisions")
    def decisions():
        body = request.get_json(silent=True)
        wanted = body.get("decisions") if isinstance(body, dict) else None
        if not isinstance(wanted, list) or not all(isinstance(d, dict) for d in wanted):
            return jsonify({"error": "decisions: a list of objects"}), 400
        with desk.lock:
            outcome = apply(desk.out_dir, wanted, desk.settings.lang)
            desk.changed |= outcome.get("applied", 0) > 0
            outcome["entries"] = entries(desk.out_dir, desk.settings.lang)
        return jsonify(outcome)

    @app.get("/crop/<path:relative>")
    def crop(relative: str):
        path = crop_file(desk.out_dir, relative)
        if path is None:
            abort(404)
        return send_file(path, mimetype="image/png", max_age=0)

    return app


def crop_file(out_dir: Path, relative: str) -> Path | None:
    """The crop ``relative`` names when the manifest lists it as ours and it is a plain file inside
    the crops folder; None otherwise (whatever the request spelled: ``..``, a link, another file)."""
    if not relative.startswith(CROPS_DIR + "/"):
        return None
    listed = {f for entry in load_manifest(out_dir).crops.values() for f in entry.get("files", [])}
    if relative not in listed:
        return None
    path = out_dir / relative
    root = (out_dir / CROPS_DIR).resolve()
    try:
        if path.is_symlink() or not path.is_file() or not path.resolve().is_relative_to(root):
            return None
    except OSError:
        return None
    return path


def bind(out_dir: Path, settings: DeskSettings = DeskSettings()):
    """A desk of ``out_dir`` and its server, listening on 127.0.0.1 (not yet serving)."""
    from werkzeug.serving import make_server

    from cchc_extract.review_queue import apply_page_decisions, queue_entries  # imports pandas: not at start-up

    desk = new_desk(out_dir, settings)
    server = make_server(LOOPBACK, settings.port, create_app(desk, queue_entries, apply_page_decisions), threaded=True)
    desk.port = server.server_port
    return desk, server


def serve(out_dir: Path, settings: DeskSettings, on_ready: Callable[[Desk], None] | None = None) -> None:
    """Serve the desk of ``out_dir`` until interrupted (Ctrl-C)."""
    desk, server = bind(out_dir, settings)
    logging.getLogger("werkzeug").setLevel(logging.INFO if settings.log_requests else logging.WARNING)
    # Stopped by a service manager or `kill` as by Ctrl-C: the outputs are written again on the way out.
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _interrupt)
        if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:  # started in the background by a shell
            signal.signal(signal.SIGINT, _interrupt)
    if on_ready is not None:
        on_ready(desk)
    if settings.open_browser:
        webbrowser.open(desk.url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        close(desk)


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def close(desk: Desk) -> None:
    """After the last decision: tables, review files and report written again from the JSON."""
    from cchc_extract.review_queue import refresh_page

    with desk.lock:
        if desk.changed:
            refresh_page(desk.out_dir, desk.settings.lang)
            desk.changed = False
