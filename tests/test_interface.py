"""L'application au pilote : parcours complet, texte littéral, reprise, relecture, code de sortie."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from tests.interface_outils import app_de_test, attendre, ouvrir_scenario, script

pytest.importorskip("textual")


async def saisir(pilot, ligne: str) -> None:  # type: ignore[no-untyped-def]
    """Une réplique tapée puis envoyée (Entrée), sans frapper chaque touche."""
    pilot.app.screen.query_one("#saisie").value = ligne
    await pilot.press("enter")
    await pilot.pause()


def lancer(coroutine):  # type: ignore[no-untyped-def]
    return asyncio.run(coroutine)


def test_parcours_complet_jusqu_a_l_export(tmp_path: Path) -> None:
    """Choisir, lire le briefing, converser, remplir le budget, proposer, finir, bilan, export."""
    from simulateur.interface.composants.fil import Replique
    from simulateur.interface.ecrans.bilan import Bilan
    from simulateur.interface.ecrans.conversation import Conversation
    from simulateur.interface.ecrans.fin_appel import FinAppel

    async def parcours() -> None:
        app = app_de_test(tmp_path)
        async with app.run_test(size=(100, 30)) as pilot:
            await ouvrir_scenario(pilot, "hydro-perte-emploi")
            assert isinstance(app.screen, Conversation)
            lignes = script("hydro-perte-emploi-bon.txt")
            await pilot.press(*lignes[0], "enter")  # la première, touche par touche
            for ligne in lignes[1:8]:  # … jusqu'aux autres dettes
                await saisir(pilot, ligne)
            # Feuille de budget : la capacité se calcule.
            await pilot.press("f3")
            await pilot.press(*"2030", "tab", *"1480", "tab", *"80")
            await pilot.pause()
            capacite = str(app.screen.query_one("#capacite").render())
            assert "470" in capacite
            # Formulaire d'entente : 75 $ par mois, proposé au débiteur.
            await pilot.press("f4")
            await pilot.press("ctrl+a", "ctrl+k", *"75")
            await pilot.pause()
            apercu = str(app.screen.query_one("#apercu").render())
            assert "12 versements" in apercu and "tenable" in apercu
            await pilot.click("#proposer")
            await pilot.pause()
            assert app.screen.session.etat.entente is not None
            assert app.screen.guide.etape("proposition").statut == "fait"
            await pilot.press("f3", "f3")  # le panneau se ferme, la saisie reprend le focus
            for ligne in lignes[9:]:
                await saisir(pilot, ligne)
            assert app.screen.session.resultat == "entente"
            textes = [r.texte for r in app.screen.query(Replique)]
            assert lignes[0] in textes
            await pilot.press("f10")
            await pilot.pause()
            assert isinstance(app.screen, FinAppel)
            app.screen.query_one(
                "#note"
            ).text = "Entente 75 $ par mois dès le 1er avril ; rappel si retard."
            await pilot.press("f9")
            await attendre(pilot)
            assert isinstance(app.screen, Bilan)
            assert app.screen.rapport is not None
            chemin = app.screen.chemin
            await pilot.press("x")
            await pilot.pause()
            await pilot.press("down", "enter")  # Markdown
            await pilot.pause(0.3)
        evenements = [json.loads(x) for x in chemin.read_text(encoding="utf-8").splitlines()]
        note = [e for e in evenements if e["type"] == "note_dossier"]
        assert note and note[0]["echeancier"]["montant"] == 75
        assert note[0]["suivi"] == "2026-04-04"
        exports = list((tmp_path / "exports").glob("*.md"))
        assert exports and "Note globale" in exports[0].read_text(encoding="utf-8")
        from simulateur.interface.logique.index import Index

        ligne = Index(tmp_path).session(chemin)
        assert ligne is not None and ligne.resultat == "entente" and ligne.note_globale is not None

    lancer(parcours())


PIEGES = "[bold]gras[/bold] [@click=app.quit]quitter[/] [/] [50%] [red"


def test_le_texte_de_l_apprenant_est_affiche_tel_quel(tmp_path: Path) -> None:
    from simulateur.interface.composants.fil import Replique

    async def parcours() -> None:
        app = app_de_test(tmp_path)
        async with app.run_test(size=(100, 30)) as pilot:
            await ouvrir_scenario(pilot, "hydro-perte-emploi")
            app.screen.envoyer(PIEGES)
            await pilot.pause()
            ligne = [r for r in app.screen.query(Replique) if r.qui == "apprenant"][-1]
            rendu = ligne.render()
            assert PIEGES in str(rendu)
            # Cliquer sur le faux lien ne quitte pas l'application.
            await pilot.click(ligne)
            await pilot.pause()
            assert app.is_running
            # Historique de saisie : ↑ rappelle la réplique telle quelle.
            app.screen.query_one("#saisie").memoriser(PIEGES)
            await pilot.press("up")
            assert app.screen.query_one("#saisie").value == PIEGES

    lancer(parcours())


def test_un_appel_interrompu_se_reprend_depuis_l_accueil(tmp_path: Path) -> None:
    from simulateur.interface.ecrans.conversation import Conversation

    lignes = script("hydro-perte-emploi-bon.txt")

    async def premier() -> Path:
        app = app_de_test(tmp_path)
        async with app.run_test(size=(100, 30)) as pilot:
            await ouvrir_scenario(pilot, "hydro-perte-emploi")
            for ligne in lignes[:3]:
                app.screen.envoyer(ligne)
            await pilot.pause()
            chemin = app.screen.session.chemin
            await pilot.press("f3")
            await pilot.press(*"2030")
            await pilot.pause()
            # Fermeture brutale : l'application s'arrête en plein appel.
        return chemin

    async def second(chemin: Path) -> None:
        app = app_de_test(tmp_path)
        async with app.run_test(size=(100, 30)) as pilot:
            await attendre(pilot)
            recentes = app.screen.query_one("#recentes")
            recentes.focus()
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, Conversation)
            assert len(app.screen.session.tours) == 3
            assert app.screen.query_one("#budget-revenu_net").value == "2030"
            app.screen.envoyer(lignes[3])
            await pilot.pause()
            assert len(app.screen.session.tours) == 4

    chemin = lancer(premier())
    lancer(second(chemin))


def _jouer(tmp_path: Path, nom_script: str) -> Path:
    from simulateur.scenarios.moteur import moteur_pour
    from simulateur.session import Session
    from tests.conftest import SCENARIOS

    chemin = tmp_path / "appel.jsonl"
    session = Session(moteur_pour(SCENARIOS / "hydro-perte-emploi.yaml"), 7, transcription=chemin)
    for ligne in script(nom_script):
        session.jouer(ligne)
        if session.terminee:
            break
    session.abandonner()
    session.fermer()
    return chemin


def test_relecture_tour_par_tour_et_saut_aux_infractions(tmp_path: Path) -> None:
    from simulateur.interface.ecrans.relecture import Relecture

    chemin = _jouer(tmp_path, "hydro-perte-emploi-abusif.txt")

    async def parcours() -> None:
        app = app_de_test(tmp_path / "donnees", relecture=chemin)
        async with app.run_test(size=(100, 30)) as pilot:
            await attendre(pilot)
            ecran = app.screen
            assert isinstance(ecran, Relecture)
            liste = ecran.query_one("#tours")
            assert liste.highlighted == 0
            await pilot.press("v")
            premier = liste.highlighted
            assert premier and ecran.tours[premier - 1].violation
            detail = str(ecran.query_one("#detail").render())
            assert "Analyse" in detail and ("⚠" in detail or "−" in detail)
            await pilot.press("down")
            assert liste.highlighted == premier + 1
            await pilot.press("escape")
            await pilot.pause()
        assert app.return_code == 0

    lancer(parcours())


def test_le_bilan_mene_au_tour_de_la_preuve(tmp_path: Path) -> None:
    from simulateur.interface.ecrans.relecture import Relecture

    chemin = _jouer(tmp_path, "hydro-perte-emploi-bon.txt")

    async def parcours() -> None:
        app = app_de_test(tmp_path / "donnees")
        async with app.run_test(size=(100, 30)) as pilot:
            await attendre(pilot)
            app.ouvrir_bilan(chemin)
            await attendre(pilot)
            preuves = app.screen.query_one("#preuves")
            tours = [p.tour for p in app.screen.preuves]
            rang = next(i for i, t in enumerate(tours) if t)
            preuves.focus()
            for _ in range(rang):
                await pilot.press("down")
            await pilot.press("enter")
            await attendre(pilot)
            assert isinstance(app.screen, Relecture)
            assert app.screen.query_one("#tours").highlighted == tours[rang]

    lancer(parcours())


def test_mode_examen_sans_aide(tmp_path: Path) -> None:
    async def parcours() -> None:
        app = app_de_test(tmp_path, mode="examen")
        async with app.run_test(size=(120, 30)) as pilot:
            await ouvrir_scenario(pilot, "hydro-perte-emploi")
            ecran = app.screen
            assert not ecran.query("#guide")
            app.screen.envoyer("Payez la totalité maintenant, sinon vous allez finir en prison.")
            await pilot.press("f6")
            await pilot.pause()
            titres = [n.title for n in app._notifications]
            assert "Alerte de conformité" not in titres and "Indice" not in titres
            assert not ecran.query_one("#panneau").display

    lancer(parcours())


def test_mode_entrainement_alerte_en_nommant_la_regle(tmp_path: Path) -> None:
    async def parcours() -> None:
        app = app_de_test(tmp_path)
        async with app.run_test(size=(120, 30)) as pilot:
            await ouvrir_scenario(pilot, "hydro-perte-emploi")
            app.screen.envoyer("Payez la totalité maintenant, sinon vous allez finir en prison.")
            await pilot.pause()
            messages = [n.message for n in app._notifications]
            assert any("qc_arrestation_penale" in m and "LRCC 3" in m for m in messages)
            await pilot.press("f6")
            await pilot.pause()
            assert any(n.title == "Indice" for n in app._notifications)

    lancer(parcours())


def test_historique_et_theme(tmp_path: Path) -> None:
    from simulateur.interface.ecrans.historique import Historique

    async def parcours() -> None:
        app = app_de_test(tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await attendre(pilot)
            sombre = app.theme
            await pilot.press("f8")
            assert app.theme != sombre
            await pilot.press("h")
            await pilot.pause()
            assert isinstance(app.screen, Historique)

    lancer(parcours())
    from simulateur.interface.logique.index import Index

    assert Index(tmp_path).preference("theme") == "textual-light"


def test_une_application_qui_plante_sort_en_erreur(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual.app import App

    from simulateur.cli import main
    from simulateur.interface.app import SimulateurApp

    def planter(self: SimulateurApp) -> None:
        raise RuntimeError("panne simulée")

    monkeypatch.setattr(SimulateurApp, "on_mount", planter)
    monkeypatch.setattr(SimulateurApp, "run", lambda self: App.run(self, headless=True))
    assert main([]) == 1


def test_rejouer_refuse_un_fichier_absent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from simulateur.cli import main

    assert main(["rejouer", str(tmp_path / "absent.jsonl")]) == 2
    assert "introuvable" in capsys.readouterr().err


def test_le_coeur_ne_charge_pas_l_interface() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from simulateur.cli import construire; construire()\n"
        "assert 'textual' not in sys.modules\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr


def test_choix_du_mode_au_clavier_et_a_la_souris(tmp_path: Path) -> None:
    """m bascule ; un clic sur « Examen » le choisit ; la palette fixe le mode."""
    from simulateur.interface.composants.choix_mode import ChoixMode

    async def parcours() -> None:
        app = app_de_test(tmp_path)
        async with app.run_test(size=(100, 30)) as pilot:
            await attendre(pilot)
            choix = app.screen.query_one("#mode", ChoixMode)
            assert app.mode == "entrainement"
            assert "◉ Entraînement" in str(choix.render())
            await pilot.press("m")
            await pilot.pause()
            assert app.mode == "examen" and "◉ Examen" in str(choix.render())
            await pilot.click("#mode", offset=(4, 1))  # sur « Mode », côté entraînement
            await pilot.pause()
            assert app.mode == "entrainement"
            await pilot.click("#mode", offset=(choix.size.width - 3, 1))
            await pilot.pause()
            assert app.mode == "examen"
            choix.focus()
            await pilot.press("space")
            await pilot.pause()
            assert app.mode == "entrainement"
            app.screen._mode("examen")  # entrée de la palette
            await pilot.pause()
            assert app.mode == "examen"

    lancer(parcours())


def test_fin_de_l_appel_par_entree_ou_clic_sur_le_bandeau(tmp_path: Path) -> None:
    """L'appel fini : bandeau dans le fil, la saisie garde le focus, Entrée ou clic → fin d'appel."""
    from simulateur.interface.composants.fil import BandeauFin
    from simulateur.interface.ecrans.conversation import Conversation
    from simulateur.interface.ecrans.fin_appel import FinAppel

    async def parcours() -> None:
        app = app_de_test(tmp_path)
        async with app.run_test(size=(100, 30)) as pilot:
            await ouvrir_scenario(pilot, "hydro-perte-emploi")
            for ligne in script("hydro-perte-emploi-bon.txt"):
                await saisir(pilot, ligne)
            ecran = app.screen
            assert isinstance(ecran, Conversation) and ecran.session.terminee
            bandeau = ecran.query_one(BandeauFin)
            assert "Fin de l'appel : entente" in str(bandeau.render())
            assert app.focused is ecran.query_one("#saisie")
            await pilot.press("x", "enter")  # du texte tapé après la fin n'est pas envoyé
            await pilot.pause()
            assert isinstance(app.screen, FinAppel)
            assert len(ecran.session.tours) == len(script("hydro-perte-emploi-bon.txt"))
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is ecran and app.focused is ecran.query_one("#saisie")
            bandeau.scroll_visible(animate=False)
            await pilot.pause()
            await pilot.click(BandeauFin)
            await pilot.pause()
            assert isinstance(app.screen, FinAppel)

    lancer(parcours())


def test_objets_durables_hors_du_ramasse_miettes(tmp_path: Path) -> None:
    """L'appel ouvert, modèle et lingua sont figés (gc.freeze) : pas de collecte complète de
    ~120 ms en plein tour (benchmarks/demarrage_app.py)."""
    import gc

    async def parcours() -> None:
        app = app_de_test(tmp_path)
        async with app.run_test(size=(100, 30)) as pilot:
            await ouvrir_scenario(pilot, "hydro-perte-emploi")
            await pilot.pause()
            assert gc.get_freeze_count() > 10_000

    try:
        lancer(parcours())
    finally:
        gc.unfreeze()
