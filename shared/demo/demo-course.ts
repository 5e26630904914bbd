import type { CourseConfigInput } from '../domain/course-config.js';

/**
 * The course the project started from (Generative Modeling, spring 2023), as a config.
 * Reading of the course page: "before Monday 13/03" and "before Friday 28/04" are taken as the end
 * of that day (23:59, Paris time); the assignment is "due on Monday 20/03", also at 23:59.
 */
export const DEMO_COURSE_ID = 'genmod-2023';

export const demoCourse: CourseConfigInput = {
  title: 'Generative Modeling — final project',
  timeZone: 'Europe/Paris',
  contactEmail: 'generative.modeling.mva@gmail.com',
  instructors: ['lead.instructor@genmod.example', 'co.instructor@genmod.example'],
  groups: { minSize: 3, maxSize: 4, deadline: '2023-03-13T23:59' },
  papers: [
    {
      id: 'flow-matching',
      title: 'Flow Matching for Generative Modeling',
      url: 'https://arxiv.org/abs/2210.02747',
      questions: [
        'How this model compared to classical diffusion models? (advantages/inconvenients)',
        'Can you derive a theoretical framework for flow matching similar to the one of diffusion models?',
        'How can you leverage the additional flexibility of these models?',
      ],
    },
    {
      id: 'analog-bits',
      title: 'Analog Bits: Generating Discrete Data using Diffusion Models with Self-Conditioning',
      url: 'https://arxiv.org/abs/2208.04202',
      questions: [
        'Can you give a theoretical explanation of the self-conditioning procedure?',
        'What are the limitations of such quantized approaches?',
        'What is the experimental importance of self-conditioning?',
      ],
    },
    {
      id: 'variational-score-matching',
      title: 'A Variational Perspective on Diffusion-Based Generative Models and Score Matching',
      url: 'https://arxiv.org/abs/2106.02808',
      questions: [
        'What is the importance of a variational framework? What does it imply theoretically speaking?',
        'How do you interpret the discrepancy between the loss obtained using the variational framework and the one used in practice?',
        'How do diffusion models fit into the variational encoder family?',
      ],
    },
    {
      id: 'ddrm',
      title: 'Denoising Diffusion Restoration Models',
      url: 'https://arxiv.org/abs/2201.11793',
      questions: [
        'Can you provide a time-continuous interpretation of this model?',
        'Can you extend the model to non-linear problems?',
        'How can you combine this model with other inverse problem diffusion model techniques?',
      ],
    },
    {
      id: 'ddim',
      title: 'Denoising Diffusion Implicit Models',
      url: 'https://arxiv.org/abs/2010.02502',
      questions: [
        'Can you provide a time-continuous interpretation of this model?',
        'What are the benefits/drawbacks of deterministic sampling compared to stochastic sampling?',
        'What other probabilistic decomposition could be used to define diffusion models?',
      ],
    },
    {
      id: 'schrodinger-bridge-likelihood',
      title: 'Likelihood Training of Schrödinger Bridge',
      url: 'https://arxiv.org/abs/2110.11291',
      questions: [
        'What are the benefits of this formulation over classical diffusion models?',
        'What are the links between this approach and stochastic control? How can we leverage this link?',
        'Can this framework be extended to solve any quasi-parabolic PDEs? What are the potential applications?',
      ],
    },
  ],
  deliverables: [
    {
      id: 'assignment',
      title: 'Assignment',
      owner: 'group',
      due: '2023-03-20T23:59',
      accept: ['application/pdf', 'application/zip'],
      maxBytes: 20 * 1024 * 1024,
    },
    {
      id: 'report',
      title: 'Report (10 pages maximum, code not included)',
      owner: 'group',
      due: '2023-04-28T23:59',
      accept: ['application/pdf'],
      maxBytes: 20 * 1024 * 1024,
      maxPages: 10,
      requiresContributions: true,
    },
    {
      id: 'supplementary',
      title: 'Supplementary material (proofs, notebooks)',
      owner: 'group',
      due: '2023-04-28T23:59',
      accept: ['application/pdf', 'application/zip'],
      maxBytes: 50 * 1024 * 1024,
      required: false,
    },
  ],
  presentations: {
    slotMinutes: 30,
    modes: ['in-person', 'remote'],
    bookingOpens: '2023-04-03T09:00',
    bookingCloses: '2023-04-30T23:59',
    changeUntilHoursBefore: 48,
    meetingUrl: 'https://meet.example.org/genmod-2023',
    requireCompleteGroup: true,
  },
  grading: {
    scale: 20,
    components: [
      {
        id: 'report',
        title: 'Report (G1)',
        weight: '2/3',
        deliverableId: 'report',
        aspects: [
          { id: 'theoretical', title: 'Theoretical', weight: '1/3' },
          { id: 'methodological', title: 'Methodological', weight: '1/3' },
          { id: 'experimental', title: 'Experimental', weight: '1/3' },
        ],
      },
      { id: 'presentation', title: 'Presentation (G2)', weight: '1/3', presentation: true },
    ],
    rounding: { step: '0.01', mode: 'half-up' },
  },
  reminders: ['P7D', 'P1D', 'PT3H'],
};

/** Fictional students, with the accents and commas a real roster has. */
export const demoRosterCsv = `email,name,studentId
ines.garcia@students.example,"García, Inès",23001
lucas.martin@students.example,Lucas Martin,23002
chloe.bernard@students.example,Chloé Bernard,23003
hugo.dubois@students.example,Hugo Dubois,23004
lea.thomas@students.example,Léa Thomas,23005
nathan.robert@students.example,Nathan Robert,23006
manon.richard@students.example,Manon Richard,23007
theo.petit@students.example,Théo Petit,23008
camille.durand@students.example,Camille Durand,23009
jules.leroy@students.example,Jules Leroy,23010
zoe.moreau@students.example,Zoé Moreau,23011
louis.simon@students.example,Louis Simon,23012
emma.laurent@students.example,Emma Laurent,23013
raphael.lefebvre@students.example,Raphaël Lefèbvre,23014
sarah.michel@students.example,Sarah Michel,23015
yanis.benali@students.example,"Ben Ali, Yanis",23016
`;

export const DEMO_ADMIN = 'admin@examdesk.example';
