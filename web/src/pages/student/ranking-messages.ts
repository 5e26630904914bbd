import { defineMessages } from '../../i18n/i18n.js';

export const rankingMessages = defineMessages({
  en: {
    title: 'Rank the papers',
    intro:
      'Papers are allocated when groups close: each group gets its best-ranked paper that still has a seat. Put the papers you prefer first; any member can change the ranking until then.',
    unused: 'Your group already has a paper: it keeps it, and this ranking is not used.',
    rank: ({ n }) => `${n}${Number(n) === 1 ? 'st' : Number(n) === 2 ? 'nd' : Number(n) === 3 ? 'rd' : 'th'}`,
    up: 'Up',
    down: 'Down',
    upOf: 'Move {title} up',
    downOf: 'Move {title} down',
    moved: '{title} is now number {n}.',
    save: 'Save the ranking',
    saved: 'The ranking is saved.',
    lastSaved: 'Last saved by {who} on {when}.',
    notSaved: 'Your group has not ranked the papers yet.',
  },
  fr: {
    title: 'Classer les articles',
    intro:
      'Les articles sont attribués à la clôture des groupes : chaque groupe reçoit l’article le mieux classé qui a encore une place. Placez en premier les articles que vous préférez ; chaque membre peut modifier le classement jusque-là.',
    unused: 'Votre groupe a déjà un article : il le garde, et ce classement n’est pas utilisé.',
    rank: ({ n }) => (Number(n) === 1 ? '1er' : `${n}e`),
    up: 'Monter',
    down: 'Descendre',
    upOf: 'Monter {title}',
    downOf: 'Descendre {title}',
    moved: '{title} est maintenant numéro {n}.',
    save: 'Enregistrer le classement',
    saved: 'Le classement est enregistré.',
    lastSaved: 'Enregistré en dernier par {who} le {when}.',
    notSaved: 'Votre groupe n’a pas encore classé les articles.',
  },
});
