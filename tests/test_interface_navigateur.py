"""Mode navigateur : `simulateur servir` vu par Chromium sans affichage (protocole DevTools).

Le terminal du navigateur (xterm.js) dessine dans un canevas : on lit donc ce que
l'application envoie par la websocket (événements réseau du DevTools) pour savoir
que l'accueil est affiché, puis on tape une touche et on attend l'écran suivant.
Sauté si Chromium n'est pas installé (paquet Debian `chromium`).
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium absent : apt-get install chromium (paquet Debian)"
)
DRAPEAUX = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--window-size=1000,700",
]


def _port_libre() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _attendre_http(url: str, limite: float = 30) -> str:
    fin = time.monotonic() + limite
    while time.monotonic() < fin:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                return r.read().decode()
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"{url} ne répond pas")


def _arreter(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


class DevTools:
    """Client minimal du protocole DevTools (websocket d'aiohttp, déjà requis par textual-serve)."""

    def __init__(self, ws) -> None:  # type: ignore[no-untyped-def]
        self.ws = ws
        self.n = 0
        self.recu = b""  # tout ce que l'application a envoyé au terminal du navigateur
        self.reponses: dict[int, dict] = {}

    async def envoyer(self, methode: str, **params: object) -> dict:
        self.n += 1
        n = self.n
        await self.ws.send_str(json.dumps({"id": n, "method": methode, "params": params}))
        while n not in self.reponses:
            await self._lire()
        return self.reponses.pop(n)

    async def _lire(self) -> None:
        msg = json.loads((await self.ws.receive(timeout=30)).data)
        if "id" in msg:
            self.reponses[msg["id"]] = msg
        elif msg.get("method") == "Network.webSocketFrameReceived":
            r = msg["params"]["response"]
            donnees = r["payloadData"]
            self.recu += base64.b64decode(donnees) if r["opcode"] == 2 else donnees.encode()

    async def attendre(self, *marques: bytes, limite: float = 40) -> None:
        fin = time.monotonic() + limite
        while not all(m in self.recu for m in marques):
            if time.monotonic() > fin:
                raise AssertionError(f"jamais affiché : {marques!r} ; reçu {self.recu[-300:]!r}")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._lire(), timeout=1)


async def _piloter(url_app: str, port_devtools: int, capture: Path) -> None:
    import aiohttp

    cibles = json.loads(_attendre_http(f"http://127.0.0.1:{port_devtools}/json/list"))
    page = next(c for c in cibles if c["type"] == "page")
    async with (
        aiohttp.ClientSession() as http,
        http.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0) as ws,
    ):
        dt = DevTools(ws)
        await dt.envoyer("Network.enable")
        await dt.envoyer("Page.enable")
        await dt.envoyer("Page.navigate", url=url_app)
        await dt.attendre(b"Simulateur de recouvrement", "Scénarios".encode())
        await dt.attendre(b"Facture d")  # la bibliothèque est chargée
        # Donner le focus au terminal, puis une touche : « h » ouvre l'historique.
        for genre in ("mousePressed", "mouseReleased"):
            await dt.envoyer(
                "Input.dispatchMouseEvent", type=genre, x=500, y=350, button="left", clickCount=1
            )
        dt.recu = b""
        await dt.envoyer("Input.dispatchKeyEvent", type="keyDown", key="h", text="h", code="KeyH")
        await dt.envoyer("Input.dispatchKeyEvent", type="keyUp", key="h", code="KeyH")
        await dt.attendre(b"Notes au fil des sessions")  # l'écran Historique
        image = await dt.envoyer("Page.captureScreenshot", format="png")
        capture.write_bytes(base64.b64decode(image["result"]["data"]))


def test_servir_dans_chromium(tmp_path: Path) -> None:
    port_app, port_devtools = _port_libre(), _port_libre()
    env = dict(os.environ, SIMULATEUR_DONNEES=str(tmp_path / "donnees"))
    serveur = subprocess.Popen(
        [sys.executable, "-m", "simulateur", "servir", "--port", str(port_app)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    navigateur: subprocess.Popen[bytes] | None = None
    try:
        url = f"http://127.0.0.1:{port_app}"
        assert "textual" in _attendre_http(url).lower()
        navigateur = subprocess.Popen(
            [
                CHROMIUM or "chromium",
                *DRAPEAUX,
                f"--remote-debugging-port={port_devtools}",
                f"--user-data-dir={tmp_path / 'chromium'}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        asyncio.run(_piloter(url, port_devtools, tmp_path / "navigateur.png"))
        assert (tmp_path / "navigateur.png").stat().st_size > 1000
    finally:
        if navigateur is not None:
            _arreter(navigateur)
        _arreter(serveur)
