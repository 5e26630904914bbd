import { defineMessages } from '../../i18n/i18n.js';

/** What the roster preview says about a line or the whole file (codes from roster-csv.ts). */
export const rosterMessages = defineMessages({
  en: {
    badEmail: 'not a valid email address',
    emailTooLong: 'email longer than 254 characters',
    nameRequired: 'name is required',
    nameTooLong: 'name longer than 200 characters',
    idTooLong: 'student id longer than 64 characters',
    control: 'contains a control or invisible character (a line break inside quotes, a tab…)',
    duplicate: 'same email as line {first}',
    fieldCount: '{got} fields where the header has {expected}',
    notUtf8: 'The file is not UTF-8 text: save it from the spreadsheet as “CSV UTF-8 (comma delimited)”.',
    empty: 'The CSV is empty: it needs the header email,name[,studentId] and one line per student.',
    noRows: 'The CSV has a header but no students: importing it would empty the roster.',
    tooMany: 'A roster has at most 5000 students.',
    unclosedQuote: 'A quote opened on line {line} is never closed.',
    missingColumn: 'The header lacks the column “{column}”.',
    unknownColumn: 'The header has an unknown column “{column}” (expected email, name, studentId).',
    removedInGroup:
      'Not in the file but in a group (the server will refuse to remove them; take them out of their group first): {list}',
  },
  fr: {
    badEmail: 'adresse électronique invalide',
    emailTooLong: 'adresse de plus de 254 caractères',
    nameRequired: 'le nom est obligatoire',
    nameTooLong: 'nom de plus de 200 caractères',
    idTooLong: 'numéro d’étudiant·e de plus de 64 caractères',
    control:
      'contient un caractère de contrôle ou invisible (retour à la ligne entre guillemets, tabulation…)',
    duplicate: 'même adresse qu’à la ligne {first}',
    fieldCount: '{got} champs alors que l’en-tête en a {expected}',
    notUtf8:
      'Le fichier n’est pas en UTF-8 : enregistrez-le depuis le tableur au format « CSV UTF-8 (délimité par des virgules) ».',
    empty: 'Le CSV est vide : il faut l’en-tête email,name[,studentId] et une ligne par étudiant·e.',
    noRows: 'Le CSV a un en-tête mais aucun·e étudiant·e : l’importer viderait la liste.',
    tooMany: 'Une liste compte au plus 5000 étudiant·es.',
    unclosedQuote: 'Un guillemet ouvert ligne {line} n’est jamais fermé.',
    missingColumn: 'Il manque la colonne « {column} » dans l’en-tête.',
    unknownColumn: 'L’en-tête a une colonne inconnue « {column} » (attendu : email, name, studentId).',
    removedInGroup:
      'Absent·es du fichier mais dans un groupe (le serveur refusera de les retirer ; sortez-les d’abord de leur groupe) : {list}',
  },
});
