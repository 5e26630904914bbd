import { defineMessages } from '../../i18n/i18n.js';

export const peerRatingMessages = defineMessages({
  en: {
    title: 'Rate each member’s contribution',
    intro:
      'Rate every member of your group, yourself included, from 1 to 5. Confidential: only the instructors see it; it may adjust each member’s grade around the group’s. Sending it again replaces it.',
    choose: 'Choose a score',
    score_1: '1 — far less than a fair share',
    score_2: '2 — less than a fair share',
    score_3: '3 — a fair share',
    score_4: '4 — more than a fair share',
    score_5: '5 — far more than a fair share',
    you: '(you)',
    save: 'Send my rating',
    saved: 'Your rating is recorded ({when}); only the instructors see it.',
  },
  fr: {
    title: 'Évaluer la contribution de chaque membre',
    intro:
      'Évaluez chaque membre de votre groupe, vous compris·e, de 1 à 5. Confidentiel : seul·es les enseignant·es le voient ; cela peut ajuster la note de chaque membre autour de celle du groupe. Un nouvel envoi remplace le précédent.',
    choose: 'Choisissez une note',
    score_1: '1 — bien moins que sa part',
    score_2: '2 — moins que sa part',
    score_3: '3 — sa juste part',
    score_4: '4 — plus que sa part',
    score_5: '5 — bien plus que sa part',
    you: '(vous)',
    save: 'Envoyer mon évaluation',
    saved: 'Votre évaluation est enregistrée ({when}) ; seul·es les enseignant·es la voient.',
  },
});
