"""Démarrage de l'application face à une application Textual minimale, côte à côte.

Chaque application est lancée dans un pseudo-terminal 80×24 ; on mesure le temps
entre le lancement du processus et l'apparition de son titre à l'écran (premier
affichage). Les deux sont lancées en alternance, N fois ; on compare les médianes.
Mesure aussi le travail d'interface par tour (réplique → réponse, rythme coupé).

    python benchmarks/demarrage_app.py [--repetitions 7]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import fcntl
import os
import pty
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

RACINE = Path(__file__).resolve().parent.parent

MINIMALE = """
from textual.app import App
from textual.widgets import Footer, Header, Input, Log

class Minimale(App):
    TITLE = "Application minimale"

    def compose(self):
        yield Header()
        yield Log()
        yield Input()
        yield Footer()

Minimale().run()
"""
SIMULATEUR = "from simulateur.cli import main; import sys; sys.exit(main([]))"
MARQUES = {"minimale": b"Application minimale", "simulateur": b"Simulateur de recouvrement"}


def premier_affichage(code: str, marque: bytes, donnees: Path, limite: float = 20.0) -> float:
    """Secondes entre le lancement et l'apparition de `marque` dans la sortie du terminal."""
    maitre, esclave = pty.openpty()
    fcntl.ioctl(esclave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = dict(
        os.environ,
        TERM="xterm-256color",
        SIMULATEUR_DONNEES=str(donnees),
        SIMULATEUR_SCENARIOS=str(RACINE / "scenarios"),
    )
    debut = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code],
        stdin=esclave,
        stdout=esclave,
        stderr=esclave,
        env=env,
        close_fds=True,
        start_new_session=True,
    )
    os.close(esclave)
    vu = b""
    try:
        while time.perf_counter() - debut < limite:
            prets, _, _ = select.select([maitre], [], [], 0.05)
            if prets:
                try:
                    vu += os.read(maitre, 65536)
                except OSError:
                    break
                if marque in vu:
                    return time.perf_counter() - debut
        raise RuntimeError(f"marque {marque!r} jamais affichée ; sortie : {vu[-400:]!r}")
    finally:
        proc.kill()
        proc.wait()
        os.close(maitre)


async def travail_par_tour() -> list[float]:
    """Millisecondes de processeur de l'interface par tour (hors session.jouer et hors rythme).

    On compte le temps processeur du fil principal (celui de la boucle Textual, pas
    l'attente ni les fils de travail en arrière-plan) de l'envoi jusqu'à l'écran
    rafraîchi, moins celui de `session.jouer` (le cœur : compréhension, débiteur,
    transcription), mesuré de même par l'écran.
    """
    from simulateur.interface import creer_app

    mesures: list[float] = []
    with tempfile.TemporaryDirectory() as d:
        app = creer_app(
            Path(d),
            RACINE / "scenarios",
            graine=7,
            rythme=False,
            horloge=lambda: dt.datetime(2026, 3, 10, 15, tzinfo=dt.UTC),
        )
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            fiche = next(f for f in app.screen.fiches if f.id == "hydro-perte-emploi")  # type: ignore[attr-defined]
            app.ouvrir_briefing(fiche)
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press("f9")
            await pilot.pause()
            ecran = app.screen
            script = RACINE / "tests" / "scripts" / "hydro-perte-emploi-bon.txt"
            for ligne in script.read_text(encoding="utf-8").splitlines():
                debut = time.thread_time()
                ecran.envoyer(ligne)  # type: ignore[attr-defined]
                await pilot.pause()
                total = time.thread_time() - debut
                mesures.append((total - ecran.cpu_coeur) * 1000)  # type: ignore[attr-defined]
    return mesures


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--repetitions", type=int, default=7)
    args = p.parse_args()
    temps: dict[str, list[float]] = {"minimale": [], "simulateur": []}
    with tempfile.TemporaryDirectory() as d:
        premier_affichage(SIMULATEUR, MARQUES["simulateur"], Path(d))  # caches chauds
        premier_affichage(MINIMALE, MARQUES["minimale"], Path(d))
        for _ in range(args.repetitions):
            temps["minimale"].append(premier_affichage(MINIMALE, MARQUES["minimale"], Path(d)))
            temps["simulateur"].append(
                premier_affichage(SIMULATEUR, MARQUES["simulateur"], Path(d))
            )
    m, s = statistics.median(temps["minimale"]), statistics.median(temps["simulateur"])
    print(f"premier affichage, médiane sur {args.repetitions} :")
    print(f"  application minimale : {m * 1000:.0f} ms")
    print(f"  simulateur (accueil) : {s * 1000:.0f} ms")
    print(f"  rapport : {s / m:.2f} (cible ≤ 1,30)")
    tours = asyncio.run(travail_par_tour())
    print(
        f"travail d'interface par tour ({len(tours)} tours) : médiane {statistics.median(tours):.1f} ms, "
        f"max {max(tours):.1f} ms (cible ≤ 50 ms)"
    )
    print("  par tour (ms) : " + " · ".join(f"{t:.0f}" for t in tours))
    return 0 if s / m <= 1.3 and max(tours) <= 50 else 1


if __name__ == "__main__":
    sys.exit(main())
