"""`simulateur analyser` par la vraie commande : une réplique, --expliquer, et le mode lot."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from simulateur.actes import ACTES

RACINE = Path(__file__).resolve().parents[1]
COMMANDE = [sys.executable, "-m", "simulateur", "analyser"]
CLES = {"texte", "acte", "confiance", "infractions", "langue", "entites"}


def _lancer(*args: str, entree: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*COMMANDE, *args], input=entree, capture_output=True, timeout=120, cwd=RACINE
    )


def test_une_replique_en_json() -> None:
    r = _lancer("--json", "Que diriez-vous de 150 $ par mois à partir du 1er ?")
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert set(d) >= CLES
    assert d["acte"] == "proposition_entente" and d["langue"] == "fr"
    assert 0 <= d["confiance"] <= 1 and d["infractions"] == []
    assert d["entites"]["montants"][0] == {"valeur": 150.0, "devise": "CAD", "texte": "150 $"}
    assert d["entites"]["frequence"] == "mensuelle"
    assert d["entites"]["dates"][0]["jour_mois"] == 1


def test_juridiction_et_expliquer() -> None:
    texte = "Sans entente, le créancier pourrait vous poursuivre."
    qc = json.loads(_lancer("--json", "--expliquer", texte).stdout)
    [infraction] = qc["infractions"]
    assert infraction["id"] == "menace" and infraction["regle"] == "qc_poursuite_annoncee"
    assert infraction["declencheurs"]
    fr = json.loads(_lancer("--json", "--juridiction", "fr", texte).stdout)
    assert fr["infractions"] == []
    ids = json.loads(_lancer("--json", texte).stdout)["infractions"]
    assert ids == ["menace"]  # sans --expliquer : les ids seuls


def test_sortie_lisible_en_francais() -> None:
    r = _lancer("--expliquer", "Payez vendredi ou on vous poursuit.")
    sortie = r.stdout.decode("utf-8")
    assert r.returncode == 0
    assert "Acte        : demande_paiement" in sortie
    assert "menace [qc_poursuite_annoncee]" in sortie
    assert "Langue      : fr" in sortie


def test_lot_entrees_bizarres_un_objet_par_ligne() -> None:
    lignes = [
        b"Bonjour !",
        b"",
        b"   ",
        b"[bold]Payez[/] <script>alert(1)</script>",
        b"\x00\x01\x1b[31mrouge\x7f",
        b"Je comprends, ce n'est pas facile.",
        b"\xff\xfe octets invalides",
        ("bla " * 25_000).encode(),  # 100 Ko
        "\u2028 s\u00e9parateur\u0085 unicode".encode(),
        b"Can you pay the full balance today?\r",
        "😀🙏🏽 💸".encode(),
        b"\x0b\x0c\x1c\x1d\x1e",
    ]
    entree = b"\n".join(lignes) + b"\n"
    r = _lancer("--json", "-", entree=entree)
    assert r.returncode == 0, r.stderr
    sorties = r.stdout.decode("utf-8").split("\n")
    assert sorties[-1] == ""
    objets = [json.loads(s) for s in sorties[:-1]]
    assert len(objets) == len(lignes)
    for o in objets:
        assert set(o) >= CLES and o["acte"] in ACTES and o["langue"] in ("fr", "en")
    assert objets[0]["acte"] == "salutation"
    assert objets[1]["texte"] == "" and objets[1]["acte"] == "autre"
    assert objets[5]["acte"] == "empathie"
    assert objets[7]["texte"] == "bla " * 25_000
    assert objets[9]["acte"] == "demande_paiement" and objets[9]["langue"] == "en"


def test_lot_dans_l_ordre_et_sans_fin_de_ligne() -> None:
    textes = [f"Pouvez-vous payer {n} $ par mois ?" for n in range(1, 41)]
    entree = "\n".join(textes).encode()  # pas de saut de ligne final
    r = _lancer("--json", "--juridiction", "fr", "-", entree=entree)
    objets = [json.loads(s) for s in r.stdout.decode().splitlines()]
    assert [o["texte"] for o in objets] == textes
    assert [o["entites"]["montants"][0]["valeur"] for o in objets] == list(range(1, 41))


def test_lot_vide() -> None:
    r = _lancer("--json", "-", entree=b"")
    assert r.returncode == 0 and r.stdout == b""


def test_lot_lisible_sans_json() -> None:
    r = _lancer("-", entree=b"Merci, bonne journee.\nOui.\n")
    sortie = r.stdout.decode()
    assert sortie.count("Acte        :") == 2 and "cloture" in sortie


def test_demarrage_leger() -> None:
    """La commande n'importe ni scikit-learn, ni numpy, ni scipy."""
    code = (
        "import sys; from simulateur.cli import main; "
        "main(['analyser', '--json', 'bonjour']); "
        "bad = [m for m in ('sklearn', 'numpy', 'scipy') if m in sys.modules]; "
        "assert not bad, bad"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=RACINE, timeout=60)
    assert r.returncode == 0, r.stderr
