import { defineMessages } from '../../i18n/i18n.js';

export const gradesMessages = defineMessages({
  en: {
    title: 'Grades',
    notYet: 'Grades are not published yet. You will get an email when they are.',
    published: 'Published',
    component: 'Component',
    weight: 'Weight',
    grade: 'Grade',
    final: 'Final grade',
    outOf: '{value} / {scale}',
    missing: 'not graded',
    noFinal: 'No final grade: {reason}',
  },
  fr: {
    title: 'Notes',
    notYet: 'Les notes ne sont pas encore publiées. Vous recevrez un courriel quand elles le seront.',
    published: 'Publiées',
    component: 'Composante',
    weight: 'Poids',
    grade: 'Note',
    final: 'Note finale',
    outOf: '{value} / {scale}',
    missing: 'non notée',
    noFinal: 'Pas de note finale : {reason}',
  },
});
