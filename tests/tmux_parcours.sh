#!/usr/bin/env bash
# Pilote le vrai binaire `simulateur` dans tmux (80×24) : accueil, briefing, une
# réplique, réponse du débiteur, Ctrl+Q ; vérifie le code de sortie.
# Sort 77 (sauté) si tmux manque. Usage : bash tests/tmux_parcours.sh
set -euo pipefail
command -v tmux >/dev/null || { echo "tmux absent : sauté"; exit 77; }
binaire=$(command -v simulateur) || { echo "simulateur absent du PATH"; exit 1; }

donnees=$(mktemp -d)
session="simulateur-test-$$"
sortie="$donnees/code"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$donnees"' EXIT

tmux new-session -d -s "$session" -x 80 -y 24 \
    "SIMULATEUR_DONNEES='$donnees' '$binaire'; echo \$? > '$sortie'; sleep 30"

attendre() {  # attendre TEXTE [SECONDES]
    local fin=$((SECONDS + ${2:-30}))
    until tmux capture-pane -p -t "$session" | grep -qF -- "$1"; do
        if ((SECONDS > fin)); then
            echo "jamais affiché : $1"; tmux capture-pane -p -t "$session"; exit 1
        fi
        sleep 0.2
    done
}

attendre "Scénarios"
attendre "Facture d'électricité"
tmux send-keys -t "$session" Down Enter
attendre "Commencer l'appel"
attendre "Créancier"
tmux send-keys -t "$session" F9
attendre "Débiteur ›"
tmux send-keys -t "$session" -l "Bonjour, ici Julie Caron, de l'Agence Recouvra. [bold]"
tmux send-keys -t "$session" Enter
attendre "Recouvra. [bold]"   # texte de l'apprenant affiché tel quel
sleep 2                        # la réponse du débiteur arrive après sa « frappe »
test "$(tmux capture-pane -p -t "$session" | grep -c 'Débiteur ›')" -ge 2 \
    || { echo "pas de réponse du débiteur"; tmux capture-pane -p -t "$session"; exit 1; }
tmux send-keys -t "$session" C-q
for _ in $(seq 50); do [ -s "$sortie" ] && break; sleep 0.2; done
test "$(cat "$sortie")" = 0 || { echo "code de sortie $(cat "$sortie")"; exit 1; }
ls "$donnees"/transcriptions/*.jsonl >/dev/null   # l'appel interrompu est sur disque
echo "tmux : parcours réussi"
