import { defineMessages } from '../../i18n/i18n.js';

export const papersMessages = defineMessages({
  en: {
    title: 'Papers',
    intro:
      'Each group presents one paper. The counts are live: a seat is taken when a group chooses the paper.',
    taken: ({ count, n }) =>
      Number(count) === 0 ? 'No group yet' : Number(count) === 1 ? '1 group' : `${n} groups`,
    seats: ({ n, cap, capCount }) => `${n} of ${cap} seat${Number(capCount) === 1 ? '' : 's'} left`,
    unlimited: 'No limit on groups',
    full: 'Full',
    yours: 'Your group’s paper',
    read: 'Read the paper',
    questions: 'Questions to address',
    choose: 'Choose a paper with your group',
    load: 'Groups',
    seatsHead: 'Seats',
  },
  fr: {
    title: 'Articles',
    intro:
      'Chaque groupe présente un article. Les chiffres sont à jour : une place est prise quand un groupe choisit l’article.',
    taken: ({ count, n }) =>
      Number(count) === 0 ? 'Aucun groupe' : Number(count) === 1 ? '1 groupe' : `${n} groupes`,
    seats: ({ n, cap, count }) =>
      `${n} place${Number(count) > 1 ? 's' : ''} sur ${cap} restante${Number(count) > 1 ? 's' : ''}`,
    unlimited: 'Pas de limite de groupes',
    full: 'Complet',
    yours: 'L’article de votre groupe',
    read: 'Lire l’article',
    questions: 'Questions à traiter',
    choose: 'Choisir un article avec votre groupe',
    load: 'Groupes',
    seatsHead: 'Places',
  },
});
