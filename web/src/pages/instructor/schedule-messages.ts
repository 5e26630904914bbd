import { defineMessages } from '../../i18n/i18n.js';

export const scheduleMessages = defineMessages({
  en: {
    title: 'Presentation schedule',
    noSlots: 'No presentation slot is laid out yet.',
    summary: (v) =>
      `${v.taken} of ${v.total} slots booked, over ${v.days} ${Number(v.days) === 1 ? 'day' : 'days'}; ` +
      `${v.groups} ${Number(v.groups) === 1 ? 'group has' : 'groups have'} no slot.`,
    calendar: 'Calendar',
    calendarCaption: 'Slots by day and time: the group and mode of each booked slot.',
    time: 'Time',
    free: 'free',
    noSlot: 'no slot',
    daySheets: 'Day sheets',
    daySheetsHint: 'Printing gives one day per page.',
    day: 'Day',
    allDays: 'All days',
    print: 'Print',
    room: 'Room',
    mode: 'Mode',
    layout: 'Slot layout',
    layoutHint:
      'Each line is a window of one day, cut into slots of {minutes} minutes. Booked slots are kept; a layout that drops one needs “cancel bookings” and a reason (the groups are emailed).',
    date: 'Date',
    start: 'Start',
    end: 'End',
    modes: 'Modes',
    addDay: 'Add a day',
    removeDay: 'Remove this line',
    lineLabel: 'Line {n}',
    force: 'Cancel the bookings of slots this layout drops',
    saveLayout: 'Save the layout',
    layoutSaved:
      'Layout saved: {added} added, {updated} changed, {removed} removed, {released} bookings cancelled.',
  },
  fr: {
    title: 'Planning des soutenances',
    noSlots: 'Aucun créneau de soutenance n’est encore défini.',
    summary:
      '{taken} créneaux réservés sur {total}, sur {days} jours ; {groups} groupes n’ont pas de créneau.',
    calendar: 'Calendrier',
    calendarCaption: 'Créneaux par jour et par heure : le groupe et le mode de chaque créneau réservé.',
    time: 'Heure',
    free: 'libre',
    noSlot: 'pas de créneau',
    daySheets: 'Feuilles du jour',
    daySheetsHint: 'L’impression donne un jour par page.',
    day: 'Jour',
    allDays: 'Tous les jours',
    print: 'Imprimer',
    room: 'Salle',
    mode: 'Mode',
    layout: 'Disposition des créneaux',
    layoutHint:
      'Chaque ligne est une plage d’une journée, découpée en créneaux de {minutes} minutes. Les créneaux réservés sont conservés ; une disposition qui en supprime un demande « annuler les réservations » et un motif (les groupes reçoivent un courriel).',
    date: 'Date',
    start: 'Début',
    end: 'Fin',
    modes: 'Modes',
    addDay: 'Ajouter un jour',
    removeDay: 'Supprimer cette ligne',
    lineLabel: 'Ligne {n}',
    force: 'Annuler les réservations des créneaux supprimés',
    saveLayout: 'Enregistrer la disposition',
    layoutSaved:
      'Disposition enregistrée : {added} ajoutés, {updated} modifiés, {removed} supprimés, {released} réservations annulées.',
  },
});
