// Generated from openapi.json by `npm run openapi` (openapi-typescript). Do not edit.
export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness check */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document */
        get: operations["getOpenapi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/courses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Courses where the caller is admin, instructor or student */
        get: operations["listCourses"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/courses/{courseId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The course config with its deadlines as instants */
        get: operations["getCourse"];
        /** Create (admin) or replace (admin, instructor) a course config */
        put: operations["putCourse"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/courses/{courseId}/roster": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Students with their group */
        get: operations["getRoster"];
        /** Replace the roster (existing students keep their group) */
        put: operations["putRoster"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/courses/{courseId}/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A student's own view: group, submissions, booking, published grades, deadlines */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/courses/{courseId}/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** All groups with members, paper and status; roster students in no group; load of each paper */
        get: operations["listGroups"];
        put?: never;
        /** Form a group. A student joins it alone and invites the other classmates listed (they join when they accept); an instructor places the members directly (audited). The paper is optional; everyone concerned is emailed */
        post: operations["createGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/courses/{courseId}/groups/{groupId}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an invitation to this group (the invitee, before the group deadline): join it, and every other invitation is withdrawn; the group and the withdrawn groups are emailed */
        post: operations["acceptInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/courses/{courseId}/groups/{groupId}/invitations/{email}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Decline an invitation (the invitee) or withdraw it (a member of the group, or an instructor: audited); allowed at any time; the other side is emailed */
        delete: operations["endInvitation"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/courses/{courseId}/papers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every paper with how many groups chose it and the seats left (any course member; counts only) */
        get: operations["listPapers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/courses/{courseId}/me/looking": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Opt in to (or out of) the list of students looking for a group, with an optional note (students; opting in closes with the group deadline, opting out never does) */
        put: operations["putLooking"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/courses/{courseId}/looking": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Roster students who opted in and are in no group, with their notes (any course member) */
        get: operations["listLooking"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/courses/{courseId}/groups/{groupId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One group, for its members and instructors */
        get: operations["getGroup"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the paper and/or add members: a member invites them (they join when they accept), an instructor adds them directly (with a reason after the group deadline); everyone concerned is emailed */
        patch: operations["updateGroup"];
        trace?: never;
    };
    "/courses/{courseId}/groups/{groupId}/members/{email}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Leave a group (that member, before the deadline) or remove a member (instructor; `reason` required after the deadline). An empty group is deleted and frees its paper seat */
        delete: operations["removeGroupMember"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/courses/{courseId}/groups/{groupId}/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The group’s ranking of the papers (its members and instructors) */
        get: operations["getPreferences"];
        /** Rank the papers for the group, best first (courses with groups.paperChoice "ranked"; any member or an instructor, until the group deadline) */
        put: operations["putPreferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/courses/{courseId}/allocation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The paper allocation of the groups without a paper (instructors): a preview over the current rankings until the group-deadline job runs, then what it did, with the satisfaction report */
        get: operations["getAllocation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/courses/{courseId}/deliverables/{deliverableId}/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask for a presigned POST form for one file of a deliverable (own file, or own group). The file then goes straight to S3 as multipart/form-data: the returned fields first, the file last as `file`. */
        post: operations["createUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/courses/{courseId}/deliverables/{deliverableId}/submissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A deliverable's submissions: an owner sees their own versions, instructors everyone's; `include=missing` (instructors) adds who has nothing accepted */
        get: operations["listSubmissions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/courses/{courseId}/submissions/{submissionId}/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A 5-minute link to the stored file of a submission (owner or instructor) */
        get: operations["downloadSubmission"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/courses/{courseId}/extensions/{ownerId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Extend one owner's deadline for a deliverable (group id, or student email for per-student deliverables); audited, owners are emailed */
        put: operations["putExtension"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/courses/{courseId}/deliverables/{deliverableId}/contributions/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Write, or confirm by sending it again, your own contribution statement for a deliverable that requires them, while it is open for your group; it counts over any text an uploader proposed for you */
        put: operations["putContribution"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/courses/{courseId}/groups/{groupId}/peer-ratings/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Rate every member's contribution to your group, yourself included, 1..5 (courses with groups.peerRating); confidential, replaces your previous rating */
        put: operations["putPeerRatings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/courses/{courseId}/groups/{groupId}/peer-ratings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Instructors: a group's peer ratings and each member's suggested WebPA factor (apply it, if you choose, through the member adjustment) */
        get: operations["getPeerRatings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/courses/{courseId}/slots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Presentation slots: free or taken (instructors also see the group) */
        get: operations["getSlots"];
        /** Lay out the presentation days; they are cut into slots of the course's slotMinutes in its time zone. Booked slots are kept; dropping one needs force and a reason (the group is emailed) */
        put: operations["putSlots"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/courses/{courseId}/groups/{groupId}/booking": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Book a slot for the group, or move its booking (another slot or mode); every member gets an .ics invite. Instructors may act outside the students' rules with a reason */
        put: operations["putBooking"];
        post?: never;
        /** Cancel the group’s booking; every member gets the cancellation (.ics METHOD:CANCEL) */
        delete: operations["deleteBooking"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/courses/{courseId}/groups/{groupId}/booking.ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The group's presentation as an iCalendar event with the course time zone (the last invite sent) */
        get: operations["getBookingIcs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/courses/{courseId}/groups/{groupId}/grades": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One group's grades with their versions (what a write sends back) and each member's changes */
        get: operations["getGroupGrades"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/courses/{courseId}/groups/{groupId}/grades/members/{email}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Adjust, override or clear one member's grade for a component, with a reason (audited) */
        put: operations["putMemberGrade"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/courses/{courseId}/groups/{groupId}/grades/{componentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Enter a group's grade for a component (a score, or a score per aspect); carries the version read (audited) */
        put: operations["putGrade"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/courses/{courseId}/grades": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A row per roster student: group, paper, components, final (header x-examdesk-grades-published: instant or "no") */
        get: operations["getGrades"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/courses/{courseId}/grades.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The grade listing as CSV (UTF-8 with BOM, CRLF) */
        get: operations["getGradesCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/courses/{courseId}/grades/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish the grades to all students or only those whose grade is complete (each mailed once complete, with aspects and comments); dryRun says who would receive what and who is incomplete */
        post: operations["publishGrades"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/courses/{courseId}/grades/unpublish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw published grades with a reason (audited): /me shows none, mailed students are told they were withdrawn */
        post: operations["unpublishGrades"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/courses/{courseId}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who changed what, when and why: grades, publication, and instructor overrides, newest first */
        get: operations["getAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/courses/{courseId}/marking/assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Assign graders to groups per component (lead marker or admin; audited) */
        put: operations["putMarkingAssignments"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/courses/{courseId}/marking/queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's marking queue and progress; the lead sees every grader's */
        get: operations["getMarkingQueue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/courses/{courseId}/marking/groups/{groupId}/marks/{componentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A second-marked component's independent marks (a grader sees the other once theirs is in) */
        get: operations["getMarks"];
        /** Enter your independent mark of a second-marked component (assigned graders; audited without the value) */
        put: operations["putMark"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/courses/{courseId}/marking/groups/{groupId}/marks/{componentId}/agree": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The lead agrees the final of two marks (the mean or either mark within the threshold; over it a mark or their own value, with a reason): it becomes the group's grade (audited with both marks) */
        post: operations["agreeMarks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/courses/{courseId}/marking/groups/{groupId}/submission/{componentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A 5-minute link to the group's latest accepted submission of the component's deliverable ({groupId}: id or label; named by the label while anonymous) */
        get: operations["getReportLink"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/courses/{courseId}/regrades": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Instructors: every regrade request, open ones first, with what the student saw and the answer */
        get: operations["listRegrades"];
        put?: never;
        /** Students: ask for a regrade of a component of your published grade, with a reason, within grading.regradeDays of the publication (instructors are mailed) */
        post: operations["requestRegrade"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/courses/{courseId}/regrades/{regradeId}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Instructors: answer a regrade request, 'upheld' or 'changed' (after changing the grade with the grade routes), with a response the student is mailed (audited) */
        post: operations["answerRegrade"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/courses/{courseId}/gradebook.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The grades as Moodle's or Canvas's gradebook import reads them (?format=moodle|canvas) */
        get: operations["getGradebookCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/courses/{courseId}/deliverables/{deliverableId}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask for a ZIP of the deliverable's accepted files, named <group or student>_<paper>_<file> (audited); built in the background */
        post: operations["requestArchive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/courses/{courseId}/deliverables/{deliverableId}/archive/{archiveId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How a requested ZIP goes; once ready, a short-lived link to it */
        get: operations["getArchive"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/courses/{courseId}/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** History of the scheduled jobs for the course (newest first): what ran, when, what it sent, what failed */
        get: operations["listJobRuns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/courses/{courseId}/groups/place-unassigned": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** After the group deadline: place students in no group into groups with room, or new groups, within the size rules (each placement audited and emailed) */
        post: operations["placeUnassigned"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/courses/{courseId}/mail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The course's outgoing mail by status (instructors): by default the dead ones, given up after their retries, with the last error */
        get: operations["listMail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/courses/{courseId}/mail/{mailId}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a dead mail again (instructors): it goes back to pending with its attempts reset (audited) */
        post: operations["resendMail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Error: {
            error: {
                code: string;
                message: string;
                issues?: {
                    path: string;
                    message: string;
                }[];
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The service answers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOpenapi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OpenAPI 3.1 document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listCourses: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The courses */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        courseId: string;
                        title: string;
                        /** @enum {string} */
                        role: "admin" | "instructor" | "student";
                    }[];
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed, or closed by a deadline */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCourse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The course */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        courseId: string;
                        /** @enum {string} */
                        role: "admin" | "instructor" | "student";
                        version: number;
                        config: {
                            title: string;
                            /** @description IANA time zone, e.g. Europe/Paris */
                            timeZone: string;
                            contactEmail?: unknown;
                            instructors: unknown[];
                            groups: {
                                minSize: number;
                                maxSize: number;
                                /**
                                 * @description Wall-clock time in the course time zone, YYYY-MM-DDTHH:mm
                                 * @example 2023-04-28T23:59
                                 */
                                deadline: string;
                                maxGroupsPerPaper?: number;
                                /**
                                 * @description first-come (absent): groups take a paper with seats left; ranked: groups rank the papers and the group-deadline job allocates them. maxGroupsPerPaper caps both
                                 * @enum {string}
                                 */
                                paperChoice?: "first-come" | "ranked";
                                peerRating?: boolean;
                            };
                            papers: {
                                id: string;
                                title: string;
                                /** Format: uri */
                                url: string;
                                questions?: string[];
                            }[];
                            deliverables: {
                                id: string;
                                title: string;
                                /** @enum {string} */
                                owner: "group" | "student";
                                /**
                                 * @description Wall-clock time in the course time zone, YYYY-MM-DDTHH:mm
                                 * @example 2023-04-28T23:59
                                 */
                                due: string;
                                /** @default 0 */
                                graceMinutes: number;
                                accept: string[];
                                maxBytes: number;
                                maxPages?: number;
                                /** @default false */
                                requiresContributions: boolean;
                                /** @default true */
                                required: boolean;
                            }[];
                            presentations: {
                                /** @default 30 */
                                slotMinutes: number;
                                modes: ("in-person" | "remote")[];
                                /**
                                 * @description Wall-clock time in the course time zone, YYYY-MM-DDTHH:mm
                                 * @example 2023-04-28T23:59
                                 */
                                bookingOpens: string;
                                /**
                                 * @description Wall-clock time in the course time zone, YYYY-MM-DDTHH:mm
                                 * @example 2023-04-28T23:59
                                 */
                                bookingCloses: string;
                                /** @default 24 */
                                changeUntilHoursBefore: number;
                                /** Format: uri */
                                meetingUrl?: string;
                                /** @default true */
                                requireCompleteGroup: boolean;
                            };
                            grading: {
                                scale: number;
                                components: {
                                    id: string;
                                    title: string;
                                    /** @description An exact fraction, e.g. "2/3" */
                                    weight: string;
                                    aspects?: {
                                        id: string;
                                        title: string;
                                        /** @description An exact fraction, e.g. "2/3" */
                                        weight: string;
                                    }[];
                                    /** @description The deliverable this component grades */
                                    deliverableId?: string;
                                    /**
                                     * @description This component grades the presentation
                                     * @constant
                                     */
                                    presentation?: true;
                                }[];
                                /**
                                 * @default {
                                 *       "step": "0.01",
                                 *       "mode": "half-up"
                                 *     }
                                 */
                                rounding: {
                                    /** @default 0.01 */
                                    step: string;
                                    /**
                                     * @default half-up
                                     * @enum {string}
                                     */
                                    mode: "half-up" | "half-even" | "down" | "up";
                                };
                                markers?: {
                                    /** @description The lead marker (an instructor): assigns groups to graders and agrees second-marked finals */
                                    lead: unknown;
                                    /** @description Components marked independently by two graders; the lead agrees the final */
                                    secondMarking?: {
                                        components: string[];
                                        /** @description Two marks further apart than this (in points of the scale) are flagged as a disagreement */
                                        threshold: number;
                                    };
                                    /** @description Components whose graders see no member names or emails until grades are published */
                                    anonymous?: string[];
                                };
                                /** @description Days after the publication of the grades during which a student may request a regrade of a component; absent: no regrade requests */
                                regradeDays?: number;
                            };
                            /**
                             * @default [
                             *       "P7D",
                             *       "P1D",
                             *       "PT3H"
                             *     ]
                             */
                            reminders: string[];
                        };
                        deadlines: {
                            key: string;
                            title: string;
                            /** @description ISO 8601 instant with the course offset */
                            at: string;
                            local: string;
                            timeZone: string;
                        }[];
                    };
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed, or closed by a deadline */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putCourse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title: string;
                    /** @description IANA time zone, e.g. Europe/Paris */
                    timeZone: string;
                    /** Format: email */
                    contactEmail?: string;
                    instructors: string[];
                    groups: {
                        minSize: number;
                        maxSize: number;
                        /**
                         * @description Wall-clock time in the course time zone, YYYY-MM-DDTHH:mm
                         * @example 2023-04-28T23:59
                         */
                        deadline: string;
                        maxGroupsPerPaper?: number;
                        /**
                         * @description first-come (absent): groups take a paper with seats left; ranked: groups rank the papers and the group-deadline job allocates them. maxGroupsPerPaper caps both
                         * @enum {string}
                         */
                        paperChoice?: "first-come" | "ranked";
                        peerRating?: boolean;
                    };
                    papers: {
                        id: string;
                        title: string;
                        /** Format: uri */
                        url: string;
                        questions?: string[];
                    }[];
                    deliverables: {
                        id: string;
                        title: string;
                        /** @enum {string} */
                        owner: "group" | "student";
                        /**
                         * @description Wall-clock time in the course time zone, YYYY-MM-DDTHH:mm
                         * @example 2023-04-28T23:59
                         */
                        due: string;
                        /** @default 0 */
                        graceMinutes?: number;
                        accept: string[];
                        maxBytes: number;
                        maxPages?: number;
                        /** @default false */
                        requiresContributions?: boolean;
                        /** @default true */
                        required?: boolean;
                    }[];
                    presentations: {
                        /** @default 30 */
                        slotMinutes?: number;
                        modes: ("in-person" | "remote")[];
                        /**
                         * @description Wall-clock time in the course time zone, YYYY-MM-DDTHH:mm
                         * @example 2023-04-28T23:59
                         */
                        bookingOpens: string;
                        /**
                         * @description Wall-clock time in the course time zone, YYYY-MM-DDTHH:mm
                         * @example 2023-04-28T23:59
                         */
                        bookingCloses: string;
                        /** @default 24 */
                        changeUntilHoursBefore?: number;
                        /** Format: uri */
                        meetingUrl?: string;
                        /** @default true */
                        requireCompleteGroup?: boolean;
                    };
                    grading: {
                        scale: number;
                        components: {
                            id: string;
                            title: string;
                            /** @description An exact fraction, e.g. "2/3" */
                            weight: string;
                            aspects?: {
                                id: string;
                                title: string;
                                /** @description An exact fraction, e.g. "2/3" */
                                weight: string;
                            }[];
                            /** @description The deliverable this component grades */
                            deliverableId?: string;
                            /**
                             * @description This component grades the presentation
                             * @constant
                             */
                            presentation?: true;
                        }[];
                        /**
                         * @default {
                         *       "step": "0.01",
                         *       "mode": "half-up"
                         *     }
                         */
                        rounding?: {
                            /** @default 0.01 */
                            step?: string;
                            /**
                             * @default half-up
                             * @enum {string}
                             */
                            mode?: "half-up" | "half-even" | "down" | "up";
                        };
                        markers?: {
                            /**
                             * Format: email
                             * @description The lead marker (an instructor): assigns groups to graders and agrees second-marked finals
                             */
                            lead: string;
                            /** @description Components marked independently by two graders; the lead agrees the final */
                            secondMarking?: {
                                components: string[];
                                /** @description Two marks further apart than this (in points of the scale) are flagged as a disagreement */
                                threshold: number;
                            };
                            /** @description Components whose graders see no member names or emails until grades are published */
                            anonymous?: string[];
                        };
                        /** @description Days after the publication of the grades during which a student may request a regrade of a component; absent: no regrade requests */
                        regradeDays?: number;
                    };
                    /**
                     * @default [
                     *       "P7D",
                     *       "P1D",
                     *       "PT3H"
                     *     ]
                     */
                    reminders?: string[];
                };
            };
        };
        responses: {
            /** @description Replaced */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        courseId: string;
                        /** @enum {string} */
                        role: "admin" | "instructor" | "student";
                        version: number;
                        config: {
                            title: string;
                            /** @description IANA time zone, e.g. Europe/Paris */
                            timeZone: string;
                            contactEmail?: unknown;
                            instructors: unknown[];
                            groups: {
                                minSize: number;
                                maxSize: number;
                                /**
                                 * @description Wall-clock time in the course time zone, YYYY-MM-DDTHH:mm
                                 * @example 2023-04-28T23:59
                                 */
                                deadline: string;
                                maxGroupsPerPaper?: number;
                                /**
                                 * @description first-come (absent): groups take a paper with seats left; ranked: groups rank the papers and the group-deadline job allocates them. maxGroupsPerPaper caps both
                                 * @enum {string}
                                 */
                                paperChoice?: "first-come" | "ranked";
                                peerRating?: boolean;
                            };
                            papers: {
                                id: string;
                                title: string;
                                /** Format: uri */
                                url: string;
                                questions?: string[];
                            }[];
                            deliverables: {
                                id: string;
                                title: string;
                                /** @enum {string} */
                                owner: "group" | "student";
                                /**
                                 * @description Wall-clock time in the course time zone, YYYY-MM-DDTHH:mm
                                 * @example 2023-04-28T23:59
                                 */
                                due: string;
                                /** @default 0 */
                                graceMinutes: number;
                                accept: string[];
                                maxBytes: number;
                                maxPages?: number;
                                /** @default false */
                                requiresContributions: boolean;
                                /** @default true */
                                required: boolean;
                            }[];
                            presentations: {
                                /** @default 30 */
                                slotMinutes: number;
                                modes: ("in-person" | "remote")[];
                                /**
                                 * @description Wall-clock time in the course time zone, YYYY-MM-DDTHH:mm
                                 * @example 2023-04-28T23:59
                                 */
                                bookingOpens: string;
                                /**
                                 * @description Wall-clock time in the course time zone, YYYY-MM-DDTHH:mm
                                 * @example 2023-04-28T23:59
                                 */
                                bookingCloses: string;
                                /** @default 24 */
                                changeUntilHoursBefore: number;
                                /** Format: uri */
                                meetingUrl?: string;
                                /** @default true */
                                requireCompleteGroup: boolean;
                            };
                            grading: {
                                scale: number;
                                components: {
                                    id: string;
                                    title: string;
                                    /** @description An exact fraction, e.g. "2/3" */
                                    weight: string;
                                    aspects?: {
                                        id: string;
                                        title: string;
                                        /** @description An exact fraction, e.g. "2/3" */
                                        weight: string;
                                    }[];
                                    /** @description The deliverable this component grades */
                                    deliverableId?: string;
                                    /**
                                     * @description This component grades the presentation
                                     * @constant
                                     */
                                    presentation?: true;
                                }[];
                                /**
                                 * @default {
                                 *       "step": "0.01",
                                 *       "mode": "half-up"
                                 *     }
                                 */
                                rounding: {
                                    /** @default 0.01 */
                                    step: string;
                                    /**
                                     * @default half-up
                                     * @enum {string}
                                     */
                                    mode: "half-up" | "half-even" | "down" | "up";
                                };
                                markers?: {
                                    /** @description The lead marker (an instructor): assigns groups to graders and agrees second-marked finals */
                                    lead: unknown;
                                    /** @description Components marked independently by two graders; the lead agrees the final */
                                    secondMarking?: {
                                        components: string[];
                                        /** @description Two marks further apart than this (in points of the scale) are flagged as a disagreement */
                                        threshold: number;
                                    };
                                    /** @description Components whose graders see no member names or emails until grades are published */
                                    anonymous?: string[];
                                };
                                /** @description Days after the publication of the grades during which a student may request a regrade of a component; absent: no regrade requests */
                                regradeDays?: number;
                            };
                            /**
                             * @default [
                             *       "P7D",
                             *       "P1D",
                             *       "PT3H"
                             *     ]
                             */
                            reminders: string[];
                        };
                        deadlines: {
                            key: string;
                            title: string;
                            /** @description ISO 8601 instant with the course offset */
                            at: string;
                            local: string;
                            timeZone: string;
                        }[];
                    };
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        courseId: string;
                        /** @enum {string} */
                        role: "admin" | "instructor" | "student";
                        version: number;
                        config: {
                            title: string;
                            /** @description IANA time zone, e.g. Europe/Paris */
                            timeZone: string;
                            contactEmail?: unknown;
                            instructors: unknown[];
                            groups: {
                                minSize: number;
                                maxSize: number;
                                /**
                                 * @description Wall-clock time in the course time zone, YYYY-MM-DDTHH:mm
                                 * @example 2023-04-28T23:59
                                 */
                                deadline: string;
                                maxGroupsPerPaper?: number;
                                /**
                                 * @description first-come (absent): groups take a paper with seats left; ranked: groups rank the papers and the group-deadline job allocates them. maxGroupsPerPaper caps both
                                 * @enum {string}
                                 */
                                paperChoice?: "first-come" | "ranked";
                                peerRating?: boolean;
                            };
                            papers: {
                                id: string;
                                title: string;
                                /** Format: uri */
                                url: string;
                                questions?: string[];
                            }[];
                            deliverables: {
                                id: string;
                                title: string;
                                /** @enum {string} */
                                owner: "group" | "student";
                                /**
                                 * @description Wall-clock time in the course time zone, YYYY-MM-DDTHH:mm
                                 * @example 2023-04-28T23:59
                                 */
                                due: string;
                                /** @default 0 */
                                graceMinutes: number;
                                accept: string[];
                                maxBytes: number;
                                maxPages?: number;
                                /** @default false */
                                requiresContributions: boolean;
                                /** @default true */
                                required: boolean;
                            }[];
                            presentations: {
                                /** @default 30 */
                                slotMinutes: number;
                                modes: ("in-person" | "remote")[];
                                /**
                                 * @description Wall-clock time in the course time zone, YYYY-MM-DDTHH:mm
                                 * @example 2023-04-28T23:59
                                 */
                                bookingOpens: string;
                                /**
                                 * @description Wall-clock time in the course time zone, YYYY-MM-DDTHH:mm
                                 * @example 2023-04-28T23:59
                                 */
                                bookingCloses: string;
                                /** @default 24 */
                                changeUntilHoursBefore: number;
                                /** Format: uri */
                                meetingUrl?: string;
                                /** @default true */
                                requireCompleteGroup: boolean;
                            };
                            grading: {
                                scale: number;
                                components: {
                                    id: string;
                                    title: string;
                                    /** @description An exact fraction, e.g. "2/3" */
                                    weight: string;
                                    aspects?: {
                                        id: string;
                                        title: string;
                                        /** @description An exact fraction, e.g. "2/3" */
                                        weight: string;
                                    }[];
                                    /** @description The deliverable this component grades */
                                    deliverableId?: string;
                                    /**
                                     * @description This component grades the presentation
                                     * @constant
                                     */
                                    presentation?: true;
                                }[];
                                /**
                                 * @default {
                                 *       "step": "0.01",
                                 *       "mode": "half-up"
                                 *     }
                                 */
                                rounding: {
                                    /** @default 0.01 */
                                    step: string;
                                    /**
                                     * @default half-up
                                     * @enum {string}
                                     */
                                    mode: "half-up" | "half-even" | "down" | "up";
                                };
                                markers?: {
                                    /** @description The lead marker (an instructor): assigns groups to graders and agrees second-marked finals */
                                    lead: unknown;
                                    /** @description Components marked independently by two graders; the lead agrees the final */
                                    secondMarking?: {
                                        components: string[];
                                        /** @description Two marks further apart than this (in points of the scale) are flagged as a disagreement */
                                        threshold: number;
                                    };
                                    /** @description Components whose graders see no member names or emails until grades are published */
                                    anonymous?: string[];
                                };
                                /** @description Days after the publication of the grades during which a student may request a regrade of a component; absent: no regrade requests */
                                regradeDays?: number;
                            };
                            /**
                             * @default [
                             *       "P7D",
                             *       "P1D",
                             *       "PT3H"
                             *     ]
                             */
                            reminders: string[];
                        };
                        deadlines: {
                            key: string;
                            title: string;
                            /** @description ISO 8601 instant with the course offset */
                            at: string;
                            local: string;
                            timeZone: string;
                        }[];
                    };
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed, or closed by a deadline */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRoster: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The roster */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        email: string;
                        name: string;
                        studentId?: string;
                        groupId: string | null;
                    }[];
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed, or closed by a deadline */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putRoster: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    students: {
                        /** Format: email */
                        email: string;
                        name: string;
                        studentId?: string;
                    }[];
                };
                "text/csv": string;
            };
        };
        responses: {
            /** @description What changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        count: number;
                        added: number;
                        updated: number;
                        removed: number;
                        unchanged: number;
                    };
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed, or closed by a deadline */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A removed student is in a group */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The student view */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        courseId: string;
                        student: {
                            email: string;
                            name: string;
                            studentId: string | null;
                        };
                        group: {
                            groupId: string;
                            courseId: string;
                            /** @description Accepted members: only they count for the size rules */
                            members: {
                                email: string;
                                name: string | null;
                            }[];
                            /** @description Classmates invited who have not answered */
                            invitations: {
                                email: string;
                                name: string | null;
                                /**
                                 * @description pending until the invitee accepts or declines; lapsed once the group deadline has passed
                                 * @enum {string}
                                 */
                                status: "pending" | "lapsed";
                            }[];
                            /** @description null until the group has a paper */
                            paperId: string | null;
                            paper: {
                                id: string;
                                title: string;
                                url: string;
                            } | null;
                            /**
                             * @description incomplete while the group has fewer than groups.minSize members
                             * @enum {string}
                             */
                            status: "complete" | "incomplete";
                            size: {
                                members: number;
                                min: number;
                                max: number;
                            };
                            version: number;
                            createdAt: string;
                            updatedAt: string;
                        } | null;
                        /** @description Open invitations to groups (empty once in a group: accepting withdraws the others) */
                        invitations: {
                            groupId: string;
                            /** @description The group’s accepted members (emails) */
                            members: string[];
                            paper: {
                                id: string;
                                title: string;
                                url: string;
                            } | null;
                            size: {
                                members: number;
                                max: number;
                            };
                            /** @enum {string} */
                            status: "pending" | "lapsed";
                        }[];
                        submissions: {
                            deliverableId: string;
                            title: string;
                            /** @enum {string} */
                            ownerKind: "group" | "student";
                            /** @description Group id or own email; null while in no group */
                            owner: string | null;
                            required: boolean;
                            due: string;
                            /** @description Last on-time instant for this owner (extension, grace) */
                            deadline: string;
                            extended: boolean;
                            /** @enum {string} */
                            state: "none" | "submitted" | "late";
                            counting: {
                                submissionId: string;
                                deliverableId: string;
                                /** @description Group id or student email */
                                owner: string;
                                /** @enum {string} */
                                ownerKind: "group" | "student";
                                /** @enum {string} */
                                status: "pending" | "accepted" | "rejected";
                                reason?: string;
                                code?: string;
                                pages?: number;
                                bytes: number | null;
                                sha256: string | null;
                                receivedAt: string | null;
                                late: boolean;
                                /** @description The latest accepted version: the one that counts */
                                counts: boolean;
                                fileName: string;
                                contentType: string;
                                uploadedBy: string;
                                deadline: string | null;
                                /** @description The statements the uploader sent with this version (email -> text) */
                                contributions?: {
                                    [key: string]: string;
                                };
                                /** @description Deliverables that require contributions: per member of this version, the statement that counts and whether the member confirmed it */
                                statements?: {
                                    email: string;
                                    /** @description The text that counts; null when there is none */
                                    statement: string | null;
                                    /** @description The member wrote or confirmed it themselves (their own PUT, or the upload they made) */
                                    confirmed: boolean;
                                    confirmedAt: string | null;
                                    /** @description The uploader who proposed this text, while the member has not confirmed it; else null */
                                    proposedBy: string | null;
                                }[];
                                /** @description Pending uploads: when the form expires */
                                expiresAt?: string;
                            } | null;
                            /** @description Every version received, newest first */
                            versions: {
                                submissionId: string;
                                deliverableId: string;
                                /** @description Group id or student email */
                                owner: string;
                                /** @enum {string} */
                                ownerKind: "group" | "student";
                                /** @enum {string} */
                                status: "pending" | "accepted" | "rejected";
                                reason?: string;
                                code?: string;
                                pages?: number;
                                bytes: number | null;
                                sha256: string | null;
                                receivedAt: string | null;
                                late: boolean;
                                /** @description The latest accepted version: the one that counts */
                                counts: boolean;
                                fileName: string;
                                contentType: string;
                                uploadedBy: string;
                                deadline: string | null;
                                /** @description The statements the uploader sent with this version (email -> text) */
                                contributions?: {
                                    [key: string]: string;
                                };
                                /** @description Deliverables that require contributions: per member of this version, the statement that counts and whether the member confirmed it */
                                statements?: {
                                    email: string;
                                    /** @description The text that counts; null when there is none */
                                    statement: string | null;
                                    /** @description The member wrote or confirmed it themselves (their own PUT, or the upload they made) */
                                    confirmed: boolean;
                                    confirmedAt: string | null;
                                    /** @description The uploader who proposed this text, while the member has not confirmed it; else null */
                                    proposedBy: string | null;
                                }[];
                                /** @description Pending uploads: when the form expires */
                                expiresAt?: string;
                            }[];
                            /** @description Deliverables that require contributions: each current member's statement and whether they confirmed it */
                            statements?: {
                                email: string;
                                /** @description The text that counts; null when there is none */
                                statement: string | null;
                                /** @description The member wrote or confirmed it themselves (their own PUT, or the upload they made) */
                                confirmed: boolean;
                                confirmedAt: string | null;
                                /** @description The uploader who proposed this text, while the member has not confirmed it; else null */
                                proposedBy: string | null;
                            }[];
                        }[];
                        booking: {
                            slotId: string;
                            start: string;
                            end: string;
                            room: string | null;
                            /** @enum {string} */
                            mode: "in-person" | "remote";
                            meetingUrl?: string;
                        } | null;
                        /** @description Null until the grades are published to this student (and after a withdrawal) */
                        grades: {
                            /** @description Component id → value rounded by the course rule (display only), null when missing */
                            components: {
                                [key: string]: number | null;
                            };
                            final: number | null;
                            finalText: string | null;
                            finalReason?: string;
                            /** @description Every component is graded, so the final exists */
                            complete: boolean;
                            /** @description Each component in course order: value, aspect scores and comment */
                            feedback: {
                                componentId: string;
                                title: string;
                                weight: string;
                                value: number | null;
                                /** @description Why there is no value yet */
                                missing?: string;
                                aspects: {
                                    aspectId: string;
                                    title: string;
                                    weight: string;
                                    score: number;
                                }[];
                                /** @description The grader's comment for the group */
                                comment: string | null;
                            }[];
                            scale: number;
                            publishedAt: string;
                        } | null;
                        /** @description Your regrade requests and their answers (courses with grading.regradeDays) */
                        regrades: {
                            regradeId: string;
                            email: string;
                            name: string;
                            componentId: string;
                            componentTitle: string;
                            /** @description 1, 2, …: a new request may follow an answered one */
                            round: number;
                            reason: string;
                            requestedAt: string;
                            /** @description What the student saw when they asked */
                            seen: {
                                /** @description The component's value as the student saw it */
                                value: number | null;
                                final: number | null;
                            };
                            /** @enum {string} */
                            status: "open" | "upheld" | "changed";
                            answer: {
                                /** @enum {string} */
                                decision: "upheld" | "changed";
                                response: string;
                                by: string;
                                at: string;
                                /** @description What the student sees since the answer */
                                now: {
                                    /** @description The component's value as the student saw it */
                                    value: number | null;
                                    final: number | null;
                                };
                            } | null;
                        }[];
                        deadlines: {
                            key: string;
                            title: string;
                            /** @description ISO 8601 instant with the course offset */
                            at: string;
                            local: string;
                            timeZone: string;
                        }[];
                    };
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed, or closed by a deadline */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listGroups: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Groups, unassigned students and papers (instructors only) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Every group of the course, oldest first */
                        groups: {
                            groupId: string;
                            courseId: string;
                            /** @description Accepted members: only they count for the size rules */
                            members: {
                                email: string;
                                name: string | null;
                            }[];
                            /** @description Classmates invited who have not answered */
                            invitations: {
                                email: string;
                                name: string | null;
                                /**
                                 * @description pending until the invitee accepts or declines; lapsed once the group deadline has passed
                                 * @enum {string}
                                 */
                                status: "pending" | "lapsed";
                            }[];
                            /** @description null until the group has a paper */
                            paperId: string | null;
                            paper: {
                                id: string;
                                title: string;
                                url: string;
                            } | null;
                            /**
                             * @description incomplete while the group has fewer than groups.minSize members
                             * @enum {string}
                             */
                            status: "complete" | "incomplete";
                            size: {
                                members: number;
                                min: number;
                                max: number;
                            };
                            version: number;
                            createdAt: string;
                            updatedAt: string;
                        }[];
                        /** @description Roster students who are in no group */
                        unassigned: {
                            email: string;
                            name: string;
                        }[];
                        /** @description Every paper of the course with its load */
                        papers: {
                            id: string;
                            title: string;
                            /** @description Groups that chose this paper */
                            groups: number;
                            /** @description groups.maxGroupsPerPaper, null when uncapped */
                            cap: number | null;
                            full: boolean;
                        }[];
                        counts: {
                            groups: number;
                            complete: number;
                            incomplete: number;
                            students: number;
                            unassigned: number;
                        };
                        deadline: {
                            /** @description ISO 8601 instant with the course offset */
                            at: string;
                            local: string;
                            timeZone: string;
                        };
                    };
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed, or closed by a deadline */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Members’ emails. From a student: the student (who joins at once) and the classmates to invite, who join only when they accept. From an instructor: members placed directly (audited) */
                    members: string[];
                    /** @description The paper (first-come courses); may be chosen later. Not allowed in courses that allocate papers from rankings */
                    paperId?: string;
                    /** @description Why an instructor makes this change; required from instructors after the group deadline, recorded in the audit log */
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description The group */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        groupId: string;
                        courseId: string;
                        /** @description Accepted members: only they count for the size rules */
                        members: {
                            email: string;
                            name: string | null;
                        }[];
                        /** @description Classmates invited who have not answered */
                        invitations: {
                            email: string;
                            name: string | null;
                            /**
                             * @description pending until the invitee accepts or declines; lapsed once the group deadline has passed
                             * @enum {string}
                             */
                            status: "pending" | "lapsed";
                        }[];
                        /** @description null until the group has a paper */
                        paperId: string | null;
                        paper: {
                            id: string;
                            title: string;
                            url: string;
                        } | null;
                        /**
                         * @description incomplete while the group has fewer than groups.minSize members
                         * @enum {string}
                         */
                        status: "complete" | "incomplete";
                        size: {
                            members: number;
                            min: number;
                            max: number;
                        };
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed, or closed by a deadline */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A member or invitee is already in a group (already_in_group), the paper is full, or a concurrent change (code try_again) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
        };
    };
    acceptInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
                groupId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The group the caller joined */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        groupId: string;
                        courseId: string;
                        /** @description Accepted members: only they count for the size rules */
                        members: {
                            email: string;
                            name: string | null;
                        }[];
                        /** @description Classmates invited who have not answered */
                        invitations: {
                            email: string;
                            name: string | null;
                            /**
                             * @description pending until the invitee accepts or declines; lapsed once the group deadline has passed
                             * @enum {string}
                             */
                            status: "pending" | "lapsed";
                        }[];
                        /** @description null until the group has a paper */
                        paperId: string | null;
                        paper: {
                            id: string;
                            title: string;
                            url: string;
                        } | null;
                        /**
                         * @description incomplete while the group has fewer than groups.minSize members
                         * @enum {string}
                         */
                        status: "complete" | "incomplete";
                        size: {
                            members: number;
                            min: number;
                            max: number;
                        };
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description After the group deadline: invitations lapsed then (code deadline_passed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description No open invitation from this group */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Already in a group (already_in_group), the group is full (group_full), or a concurrent change (try_again) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
        };
    };
    endInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
                groupId: string;
                email: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The invitation ended */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        groupId: string;
                        email: string;
                        /**
                         * @description declined by the invitee, or withdrawn by the group or an instructor
                         * @enum {string}
                         */
                        ended: "declined" | "withdrawn";
                    };
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed, or closed by a deadline */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No open invitation for that student from this group */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
        };
    };
    listPapers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The papers in course order, with their load */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Every paper of the course, in course order */
                        papers: {
                            id: string;
                            title: string;
                            /** @description Groups that chose this paper */
                            groups: number;
                            /** @description groups.maxGroupsPerPaper, null when uncapped */
                            cap: number | null;
                            /** @description Groups that may still choose it (cap − groups, never below 0); null when uncapped */
                            seatsLeft: number | null;
                            full: boolean;
                        }[];
                    };
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed, or closed by a deadline */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putLooking: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description true to be listed as looking for a group, false to be removed */
                    looking: boolean;
                    /** @description What the student wants classmates to know (at most 300 characters, one line) */
                    note?: string;
                };
            };
        };
        responses: {
            /** @description The caller’s opt-in as stored */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        looking: boolean;
                        /** @description The note as stored; null when none or not looking */
                        note: string | null;
                    };
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed, or closed by a deadline */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The caller is already in a group (code already_in_group) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
        };
    };
    listLooking: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Only students who opted in appear */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Roster students who opted in and are still in no group, by name */
                        students: {
                            email: string;
                            name: string;
                            note: string | null;
                        }[];
                    };
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed, or closed by a deadline */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
                groupId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The group */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        groupId: string;
                        courseId: string;
                        /** @description Accepted members: only they count for the size rules */
                        members: {
                            email: string;
                            name: string | null;
                        }[];
                        /** @description Classmates invited who have not answered */
                        invitations: {
                            email: string;
                            name: string | null;
                            /**
                             * @description pending until the invitee accepts or declines; lapsed once the group deadline has passed
                             * @enum {string}
                             */
                            status: "pending" | "lapsed";
                        }[];
                        /** @description null until the group has a paper */
                        paperId: string | null;
                        paper: {
                            id: string;
                            title: string;
                            url: string;
                        } | null;
                        /**
                         * @description incomplete while the group has fewer than groups.minSize members
                         * @enum {string}
                         */
                        status: "complete" | "incomplete";
                        size: {
                            members: number;
                            min: number;
                            max: number;
                        };
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed, or closed by a deadline */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
                groupId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Move the group to this paper (its seat moves with it) */
                    paperId?: string;
                    /** @description Roster students in no group: from a member, invited (they join when they accept); from an instructor, added directly */
                    addMembers?: string[];
                    /** @description Why an instructor makes this change; required from instructors after the group deadline, recorded in the audit log */
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description The group after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        groupId: string;
                        courseId: string;
                        /** @description Accepted members: only they count for the size rules */
                        members: {
                            email: string;
                            name: string | null;
                        }[];
                        /** @description Classmates invited who have not answered */
                        invitations: {
                            email: string;
                            name: string | null;
                            /**
                             * @description pending until the invitee accepts or declines; lapsed once the group deadline has passed
                             * @enum {string}
                             */
                            status: "pending" | "lapsed";
                        }[];
                        /** @description null until the group has a paper */
                        paperId: string | null;
                        paper: {
                            id: string;
                            title: string;
                            url: string;
                        } | null;
                        /**
                         * @description incomplete while the group has fewer than groups.minSize members
                         * @enum {string}
                         */
                        status: "complete" | "incomplete";
                        size: {
                            members: number;
                            min: number;
                            max: number;
                        };
                        version: number;
                        createdAt: string;
                        updatedAt: string;
                    };
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed, or closed by a deadline */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A new member is already in a group, the group would exceed maxSize, the paper is full, the group changed meanwhile (stale_version), or a concurrent change (try_again) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
        };
    };
    removeGroupMember: {
        parameters: {
            query?: {
                reason?: string;
            };
            header?: never;
            path: {
                courseId: string;
                groupId: string;
                email: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What was removed and the group after it (null when deleted) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        groupId: string;
                        removed: string;
                        /** @description true when the group became empty and was deleted (its paper seat freed) */
                        deleted: boolean;
                        group: {
                            groupId: string;
                            courseId: string;
                            /** @description Accepted members: only they count for the size rules */
                            members: {
                                email: string;
                                name: string | null;
                            }[];
                            /** @description Classmates invited who have not answered */
                            invitations: {
                                email: string;
                                name: string | null;
                                /**
                                 * @description pending until the invitee accepts or declines; lapsed once the group deadline has passed
                                 * @enum {string}
                                 */
                                status: "pending" | "lapsed";
                            }[];
                            /** @description null until the group has a paper */
                            paperId: string | null;
                            paper: {
                                id: string;
                                title: string;
                                url: string;
                            } | null;
                            /**
                             * @description incomplete while the group has fewer than groups.minSize members
                             * @enum {string}
                             */
                            status: "complete" | "incomplete";
                            size: {
                                members: number;
                                min: number;
                                max: number;
                            };
                            version: number;
                            createdAt: string;
                            updatedAt: string;
                        } | null;
                    };
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed, or closed by a deadline */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The group changed meanwhile (stale_version), or a concurrent change (try_again) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
        };
    };
    getPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
                groupId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The ranking, empty when the group ranked nothing */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        groupId: string;
                        /** @description The stored ranking, best first; empty when the group ranked nothing */
                        ranking: {
                            rank: number;
                            paperId: string;
                            title: string;
                        }[];
                        updatedAt: string | null;
                        updatedBy: string | null;
                        /** @description The paper the group has now, null when none yet */
                        paperId: string | null;
                        /** @description false when the group already has a paper: it keeps it at the deadline and its ranking is not used */
                        used: boolean;
                        /** @description Rankings can be changed until the group deadline */
                        deadline: {
                            /** @description ISO 8601 instant with the course offset */
                            at: string;
                            local: string;
                            timeZone: string;
                        };
                    };
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed, or closed by a deadline */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
                groupId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Paper ids, best first, each at most once; any number of them ([] withdraws the ranking). Papers not ranked are given only if none ranked has a seat left */
                    ranking: string[];
                };
            };
        };
        responses: {
            /** @description The ranking as stored */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        groupId: string;
                        /** @description The stored ranking, best first; empty when the group ranked nothing */
                        ranking: {
                            rank: number;
                            paperId: string;
                            title: string;
                        }[];
                        updatedAt: string | null;
                        updatedBy: string | null;
                        /** @description The paper the group has now, null when none yet */
                        paperId: string | null;
                        /** @description false when the group already has a paper: it keeps it at the deadline and its ranking is not used */
                        used: boolean;
                        /** @description Rankings can be changed until the group deadline */
                        deadline: {
                            /** @description ISO 8601 instant with the course offset */
                            at: string;
                            local: string;
                            timeZone: string;
                        };
                    };
                };
            };
            /** @description A paper the course does not have, or one ranked twice, named at body.ranking[i] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a member of the group, or the group deadline has passed (code deadline_passed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The course gives papers first come, first served (code not_ranked) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
        };
    };
    getAllocation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Groups in the published order, their papers and the report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description preview: a dry run over the current rankings (nothing is written); done: what the group-deadline job did
                         * @enum {string}
                         */
                        state: "preview" | "done";
                        /** @enum {string} */
                        mode: "first-come" | "ranked";
                        /** @description The tie-break seed (the course id) */
                        seed: string;
                        computedAt: string;
                        deadline: {
                            /** @description ISO 8601 instant with the course offset */
                            at: string;
                            local: string;
                            timeZone: string;
                        };
                        /** @description The groups without a paper at the time, in the published order */
                        groups: {
                            groupId: string;
                            /** @description Members now (the group may have changed since) */
                            members: string[];
                            /** @description Position in the published order (1 = first): settles ties */
                            priority: number;
                            /** @description SHA-256 (hex) of "<seed>:<groupId>"; the published order sorts by it */
                            key: string;
                            /** @description The ranking used, best first */
                            ranking: string[];
                            paperId: string | null;
                            /** @description Rank of paperId in the ranking; null if not ranked */
                            rank: number | null;
                            /**
                             * @description ranked: a paper it ranked; seats-left: no ranked paper could be given, so a paper with seats left (fewest groups first); unplaced: every paper is full
                             * @enum {string}
                             */
                            placedBy: "ranked" | "seats-left" | "unplaced";
                        }[];
                        report: {
                            /** @description Groups without a paper */
                            waiting: number;
                            /** @description Groups that already had a paper and keep it */
                            kept: number;
                            /** @description Groups without a paper that ranked papers */
                            ranked: number;
                            /** @description How many groups got their 1st, 2nd, … choice */
                            byRank: {
                                rank: number;
                                groups: number;
                            }[];
                            /** @description Placed on a paper with seats left they did not rank */
                            onUnranked: number;
                            /** @description Left without a paper: every paper was full */
                            unplaced: number;
                        };
                    };
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed, or closed by a deadline */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createUpload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
                deliverableId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    fileName: string;
                    contentType: string;
                    /** @description Exact size of the file in bytes */
                    size: number;
                    /** @description Contribution statement per current member (email -> text) */
                    contributions?: {
                        [key: string]: string;
                    };
                    /** @description Group id (group deliverables) or student email (student deliverables) */
                    ownerId?: string;
                };
            };
        };
        responses: {
            /** @description The form: POST it to `url` within 10 minutes */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        uploadId: string;
                        /** @description The id the submission will have once the file arrives */
                        submissionId: string;
                        /** @description POST the form here (multipart/form-data) */
                        url: string;
                        /** @description Form fields to send first, in any order, followed by the file as `file` */
                        fields: {
                            [key: string]: string;
                        };
                        /** @description The form is refused after this instant */
                        expiresAt: string;
                        maxBytes: number;
                        /** @description Last on-time instant (due + extension + grace) */
                        deadline: string;
                    };
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed, or closed by a deadline */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The declared size exceeds the deliverable limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
        };
    };
    listSubmissions: {
        parameters: {
            query?: {
                include?: "missing";
            };
            header?: never;
            path: {
                courseId: string;
                deliverableId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every version (and forms not yet received, as pending); with include=missing, `{ submissions, missing }` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        submissionId: string;
                        deliverableId: string;
                        /** @description Group id or student email */
                        owner: string;
                        /** @enum {string} */
                        ownerKind: "group" | "student";
                        /** @enum {string} */
                        status: "pending" | "accepted" | "rejected";
                        reason?: string;
                        code?: string;
                        pages?: number;
                        bytes: number | null;
                        sha256: string | null;
                        receivedAt: string | null;
                        late: boolean;
                        /** @description The latest accepted version: the one that counts */
                        counts: boolean;
                        fileName: string;
                        contentType: string;
                        uploadedBy: string;
                        deadline: string | null;
                        /** @description The statements the uploader sent with this version (email -> text) */
                        contributions?: {
                            [key: string]: string;
                        };
                        /** @description Deliverables that require contributions: per member of this version, the statement that counts and whether the member confirmed it */
                        statements?: {
                            email: string;
                            /** @description The text that counts; null when there is none */
                            statement: string | null;
                            /** @description The member wrote or confirmed it themselves (their own PUT, or the upload they made) */
                            confirmed: boolean;
                            confirmedAt: string | null;
                            /** @description The uploader who proposed this text, while the member has not confirmed it; else null */
                            proposedBy: string | null;
                        }[];
                        /** @description Pending uploads: when the form expires */
                        expiresAt?: string;
                    }[] | {
                        submissions: {
                            submissionId: string;
                            deliverableId: string;
                            /** @description Group id or student email */
                            owner: string;
                            /** @enum {string} */
                            ownerKind: "group" | "student";
                            /** @enum {string} */
                            status: "pending" | "accepted" | "rejected";
                            reason?: string;
                            code?: string;
                            pages?: number;
                            bytes: number | null;
                            sha256: string | null;
                            receivedAt: string | null;
                            late: boolean;
                            /** @description The latest accepted version: the one that counts */
                            counts: boolean;
                            fileName: string;
                            contentType: string;
                            uploadedBy: string;
                            deadline: string | null;
                            /** @description The statements the uploader sent with this version (email -> text) */
                            contributions?: {
                                [key: string]: string;
                            };
                            /** @description Deliverables that require contributions: per member of this version, the statement that counts and whether the member confirmed it */
                            statements?: {
                                email: string;
                                /** @description The text that counts; null when there is none */
                                statement: string | null;
                                /** @description The member wrote or confirmed it themselves (their own PUT, or the upload they made) */
                                confirmed: boolean;
                                confirmedAt: string | null;
                                /** @description The uploader who proposed this text, while the member has not confirmed it; else null */
                                proposedBy: string | null;
                            }[];
                            /** @description Pending uploads: when the form expires */
                            expiresAt?: string;
                        }[];
                        missing: {
                            owner: string;
                            /** @enum {string} */
                            ownerKind: "group" | "student";
                            members: string[];
                            inGroup: boolean;
                            hasRejected: boolean;
                            hasPending: boolean;
                            extensionUntil: string | null;
                        }[];
                    };
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed, or closed by a deadline */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    downloadSubmission: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
                submissionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The presigned GET */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        url: string;
                        expiresAt: string;
                        fileName: string;
                        sha256: string;
                    };
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed, or closed by a deadline */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putExtension: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
                ownerId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    deliverableId: string;
                    /**
                     * @description Course wall time YYYY-MM-DDTHH:mm (read in the course time zone) or an ISO instant with offset
                     * @example 2023-05-02T23:59
                     */
                    until: string;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Replaced an extension */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        courseId: string;
                        deliverableId: string;
                        owner: string;
                        /** @enum {string} */
                        ownerKind: "group" | "student";
                        until: string;
                        /** @description Last on-time instant with this extension (until + grace) */
                        deadline: string;
                        timeZone: string;
                        reason: string;
                        grantedBy: string;
                        grantedAt: string;
                    };
                };
            };
            /** @description Granted */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        courseId: string;
                        deliverableId: string;
                        owner: string;
                        /** @enum {string} */
                        ownerKind: "group" | "student";
                        until: string;
                        /** @description Last on-time instant with this extension (until + grace) */
                        deadline: string;
                        timeZone: string;
                        reason: string;
                        grantedBy: string;
                        grantedAt: string;
                    };
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed, or closed by a deadline */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putContribution: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
                deliverableId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description What you did for this deliverable; re-send the same text to confirm it */
                    statement: string;
                };
            };
        };
        responses: {
            /** @description Your statement, confirmed, and until when it may change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        courseId: string;
                        deliverableId: string;
                        /** @description Group id (group deliverables) or own email */
                        owner: string;
                        /** @description Statements may be changed until this instant */
                        deadline: string;
                        statement: {
                            email: string;
                            /** @description The text that counts; null when there is none */
                            statement: string | null;
                            /** @description The member wrote or confirmed it themselves (their own PUT, or the upload they made) */
                            confirmed: boolean;
                            confirmedAt: string | null;
                            /** @description The uploader who proposed this text, while the member has not confirmed it; else null */
                            proposedBy: string | null;
                        };
                    };
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed, or closed by a deadline */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such deliverable, or it takes no contribution statements */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
        };
    };
    putPeerRatings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
                groupId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Member email -> score from 1 (far less than a fair share) to 5 (far more), for every member of the group, yourself included
                     * @example {
                     *       "ines.garcia@students.example": 3,
                     *       "lucas.martin@students.example": 4
                     *     }
                     */
                    ratings: {
                        [key: string]: number;
                    };
                };
            };
        };
        responses: {
            /** @description Your rating as recorded */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        courseId: string;
                        groupId: string;
                        rater: string;
                        ratings: {
                            [key: string]: number;
                        };
                        ratedAt: string;
                    };
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed, or closed by a deadline */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPeerRatings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
                groupId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Factors and raw ratings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        courseId: string;
                        groupId: string;
                        /** @description groups.peerRating in the course config */
                        enabled: boolean;
                        members: {
                            email: string;
                            /** @description Suggested WebPA factor as an exact fraction ("9/8"); null while nobody has rated */
                            factor: string | null;
                            /** @description The same factor as a number, for display */
                            factorValue: number | null;
                        }[];
                        /** @description Members whose rating counts */
                        raters: string[];
                        /** @description Members whose rating does not count: not given, or given before the group last changed (they rate again) */
                        missing: string[];
                        /** @description The raw ratings (confidential: instructors only) */
                        ratings: {
                            rater: string;
                            ratings: {
                                [key: string]: number;
                            };
                            ratedAt: string;
                            counts: boolean;
                        }[];
                    };
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed, or closed by a deadline */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSlots: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The slots in time order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        slotId: string;
                        /** @description ISO 8601 instant with the course offset */
                        start: string;
                        /** @description ISO 8601 instant with the course offset */
                        end: string;
                        room: string | null;
                        modes: ("in-person" | "remote")[];
                        available: boolean;
                        /** @description Students: true on their own group's slot */
                        yours?: boolean;
                        /** @description Instructors only: the group holding it */
                        groupId?: string | null;
                        /** @description Instructors only: the booked mode */
                        mode?: ("in-person" | "remote") | null;
                    }[];
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed, or closed by a deadline */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putSlots: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    days: {
                        /** @example 2023-05-15 */
                        date: string;
                        /** @example 09:00 */
                        start: string;
                        /** @example 09:00 */
                        end: string;
                        room?: string;
                        modes?: ("in-person" | "remote")[];
                    }[];
                    /** @description Cancel the bookings of booked slots that this layout drops (the groups are emailed); needs a reason */
                    force?: boolean;
                    /** @description Why (required with force); recorded in the audit log */
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description The slots after the change, with what changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        slots: {
                            slotId: string;
                            /** @description ISO 8601 instant with the course offset */
                            start: string;
                            /** @description ISO 8601 instant with the course offset */
                            end: string;
                            room: string | null;
                            modes: ("in-person" | "remote")[];
                            available: boolean;
                            /** @description Students: true on their own group's slot */
                            yours?: boolean;
                            /** @description Instructors only: the group holding it */
                            groupId?: string | null;
                            /** @description Instructors only: the booked mode */
                            mode?: ("in-person" | "remote") | null;
                        }[];
                        added: number;
                        updated: number;
                        removed: number;
                        released: {
                            slotId: string;
                            groupId: string;
                        }[];
                    };
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed, or closed by a deadline */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The layout drops booked slots (send force with a reason), or the slots changed meanwhile */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
        };
    };
    putBooking: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
                groupId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Slot id: its start as wall-clock time in the course zone
                     * @example 2023-05-15T09:00
                     */
                    slotId: string;
                    /** @enum {string} */
                    mode: "in-person" | "remote";
                    /** @description Instructors: required when acting outside the students' rules; recorded in the audit log */
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Moved (or unchanged) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        groupId: string;
                        /** @enum {string} */
                        status: "booked" | "cancelled";
                        slotId: string;
                        start: string;
                        end: string;
                        room: string | null;
                        /** @enum {string} */
                        mode: "in-person" | "remote";
                        meetingUrl?: string;
                        sequence: number;
                        /** @description Students may move or cancel until this instant */
                        changeUntil: string;
                        timeZone: string;
                    };
                };
            };
            /** @description Booked */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        groupId: string;
                        /** @enum {string} */
                        status: "booked" | "cancelled";
                        slotId: string;
                        start: string;
                        end: string;
                        room: string | null;
                        /** @enum {string} */
                        mode: "in-person" | "remote";
                        meetingUrl?: string;
                        sequence: number;
                        /** @description Students may move or cancel until this instant */
                        changeUntil: string;
                        timeZone: string;
                    };
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed, or closed by a deadline */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The slot is taken, the group already has one, the group is incomplete, or try again */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
        };
    };
    deleteBooking: {
        parameters: {
            query?: {
                reason?: string;
            };
            header?: never;
            path: {
                courseId: string;
                groupId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cancelled booking */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        groupId: string;
                        /** @enum {string} */
                        status: "booked" | "cancelled";
                        slotId: string;
                        start: string;
                        end: string;
                        room: string | null;
                        /** @enum {string} */
                        mode: "in-person" | "remote";
                        meetingUrl?: string;
                        sequence: number;
                        /** @description Students may move or cancel until this instant */
                        changeUntil: string;
                        timeZone: string;
                    };
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed, or closed by a deadline */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The booking changed meanwhile */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
        };
    };
    getBookingIcs: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
                groupId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event (METHOD:CANCEL once cancelled) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": unknown;
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed, or closed by a deadline */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getGroupGrades: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
                groupId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The group's grading sheet */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        groupId: string;
                        paperId: string;
                        publishedAt: string | null;
                        components: {
                            componentId: string;
                            title: string;
                            weight: string;
                            grade: {
                                groupId: string;
                                componentId: string;
                                score?: number;
                                aspects?: {
                                    [key: string]: number;
                                };
                                comment?: string;
                                value: number | null;
                                exact: string | null;
                                version: number;
                                updatedAt: string;
                                updatedBy: string;
                            } | null;
                        }[];
                        members: {
                            email: string;
                            name: string | null;
                            changes: {
                                [key: string]: {
                                    /** @enum {string} */
                                    kind: "adjustment" | "override";
                                    value: number;
                                    reason: string;
                                    by: string;
                                    at: string;
                                    version: number;
                                };
                            };
                            /** @description Component id → value rounded by the course rule (display only), null when missing */
                            components: {
                                [key: string]: number | null;
                            };
                            final: number | null;
                            finalText: string | null;
                            finalReason?: string;
                        }[];
                    };
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed, or closed by a deadline */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putMemberGrade: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
                groupId: string;
                email: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A grading component id from the course config, e.g. report */
                    componentId: string;
                    /** @description Added to the group's grade; the result is clamped to 0..scale */
                    adjustment?: number;
                    /** @description Replaces the group's grade for this member */
                    override?: number;
                    /**
                     * @description Removes the adjustment or override
                     * @constant
                     */
                    clear?: true;
                    reason: string;
                    /** @description The version of this member’s change you read; 0 or absent when there is none */
                    version?: number;
                };
            };
        };
        responses: {
            /** @description The member's change and resulting grades */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        groupId: string;
                        email: string;
                        componentId: string;
                        change: {
                            /** @enum {string} */
                            kind: "adjustment" | "override";
                            value: number;
                            reason: string;
                            by: string;
                            at: string;
                            version: number;
                        } | null;
                        /** @description Component id → value rounded by the course rule (display only), null when missing */
                        components: {
                            [key: string]: number | null;
                        };
                        final: number | null;
                        finalText: string | null;
                        finalReason?: string;
                    };
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed, or closed by a deadline */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Stale version, or the student left the group meanwhile */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
        };
    };
    putGrade: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
                groupId: string;
                componentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A score per aspect, for components with aspects (all aspects required) */
                    aspects?: {
                        [key: string]: number;
                    };
                    /** @description The score, for components without aspects */
                    score?: number;
                    /** @description Feedback for the students: published with the grade, in /me and in their mail */
                    comment?: string;
                    /** @description Enter the grade although its rule is not met (presentation not started, no accepted report), e.g. a no-show graded 0; audited */
                    reason?: string;
                    /** @description The version you read; 0 or absent for a first write. A stale version gets 409. */
                    version?: number;
                };
            };
        };
        responses: {
            /** @description The saved grade with its new version (no group id while anonymous for you) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Null while the component is anonymous for you */
                        groupId: string | null;
                        componentId: string;
                        score?: number;
                        aspects?: {
                            [key: string]: number;
                        };
                        comment?: string;
                        value: number | null;
                        exact: string | null;
                        version: number;
                        updatedAt: string;
                        updatedBy: string;
                        /** @description The label the group is shown under */
                        label: string;
                    };
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The presentation this component grades has not started yet (give a reason to override) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Stale version; or no presentation booked / no accepted submission of the graded deliverable (give a reason to override) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
        };
    };
    getGrades: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The grade listing */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        email: string;
                        name: string;
                        studentId: string | null;
                        groupId: string | null;
                        paperId: string | null;
                        /** @description Component id → value rounded by the course rule (display only), null when missing */
                        components: {
                            [key: string]: number | null;
                        };
                        /** @description Σ weight · component, exact, rounded once by the course rule; null when missing */
                        final: number | null;
                        /** @description The final with the step’s decimals, e.g. "14.00" */
                        finalText: string | null;
                        /** @description Why the final is empty */
                        finalReason?: string;
                        exact: {
                            components: {
                                [key: string]: string | null;
                            };
                            final: string | null;
                        };
                        changes?: {
                            [key: string]: {
                                /** @enum {string} */
                                kind: "adjustment" | "override";
                                value: number;
                                reason: string;
                                by: string;
                                at: string;
                                version: number;
                            };
                        };
                    }[];
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed, or closed by a deadline */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getGradesCsv: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description email,name,studentId,groupId,paperId,<component ids…>,final,finalNote, then per component <id>.<aspect ids…>,<id>.comment,<id>.changeKind,<id>.changeValue,<id>.changeReason, then finalExact */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed, or closed by a deadline */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    publishGrades: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description 'all': every student sees their grades (mailed once complete); 'complete': only students whose grade is complete now (publish again later to add the others)
                     * @default all
                     * @enum {string}
                     */
                    scope?: "all" | "complete";
                    /**
                     * @description Write nothing and mail nobody: say who would receive what, and who is incomplete
                     * @default false
                     */
                    dryRun?: boolean;
                };
            };
        };
        responses: {
            /** @description Published, already published, or (dryRun) what a publication would do */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        dryRun: boolean;
                        /**
                         * @description The scope of the publication after this call
                         * @enum {string}
                         */
                        scope: "all" | "complete";
                        /** @description When the grades were first published; null on a dry run before any */
                        publishedAt: string | null;
                        /** @description Nothing changed: already published to everyone asked for */
                        alreadyPublished: boolean;
                        /** @description Students whose grade mail was queued (or would be, on a dry run); the outbox sends them a moment later, at the SES rate */
                        emailed: number;
                        /** @description Always empty: the mails leave through the outbox, which retries them (GET …/mail lists dead ones) */
                        failed: string[];
                        /** @description Who is (or would be) mailed by this publication, with exactly what they receive */
                        recipients: {
                            email: string;
                            name: string;
                            groupId: string | null;
                            grades: {
                                /** @description Component id → value rounded by the course rule (display only), null when missing */
                                components: {
                                    [key: string]: number | null;
                                };
                                final: number | null;
                                finalText: string | null;
                                finalReason?: string;
                                /** @description Every component is graded, so the final exists */
                                complete: boolean;
                                /** @description Each component in course order: value, aspect scores and comment */
                                feedback: {
                                    componentId: string;
                                    title: string;
                                    weight: string;
                                    value: number | null;
                                    /** @description Why there is no value yet */
                                    missing?: string;
                                    aspects: {
                                        aspectId: string;
                                        title: string;
                                        weight: string;
                                        score: number;
                                    }[];
                                    /** @description The grader's comment for the group */
                                    comment: string | null;
                                }[];
                            };
                        }[];
                        /** @description Students whose grade is not complete: not mailed, and left out of a "complete" publication */
                        incomplete: {
                            email: string;
                            name: string;
                            groupId: string | null;
                            /** @description What is missing, e.g. no grade for Presentation (G2) */
                            reason: string;
                            /** @description Sees their partial grades in /me (scope all); never mailed until complete */
                            shown: boolean;
                        }[];
                    };
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed, or closed by a deadline */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Someone else changed the publication meanwhile */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
        };
    };
    unpublishGrades: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Withdrawn */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        publishedAt: string;
                        withdrawnAt: string;
                        reason: string;
                    };
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed, or closed by a deadline */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The grades are not published */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
        };
    };
    getAudit: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                action?: string;
            };
            header?: never;
            path: {
                courseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the audit log */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Newest first */
                        items: {
                            auditId: string;
                            /** @description ISO 8601 instant with the course offset */
                            at: string;
                            actor: string;
                            action: string;
                            target: string;
                            before?: unknown;
                            after?: unknown;
                            reason?: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed, or closed by a deadline */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    putMarkingAssignments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    assignments: {
                        /** @description Opaque group id, e.g. g_3kQ9… */
                        groupId: string;
                        /** @description A grading component id from the course config, e.g. report */
                        componentId: string;
                        /** @description Instructors who mark this group for this component (exactly two for a second-marked component); [] removes the assignment */
                        graders: string[];
                    }[];
                };
            };
        };
        responses: {
            /** @description The touched components' assignments */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Every assignment of the components this call touched, after it */
                        assignments: {
                            groupId: string;
                            componentId: string;
                            graders: string[];
                        }[];
                    };
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not the lead marker */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No markers in this course, or the assignments changed meanwhile */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
        };
    };
    getMarkingQueue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The queue */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        role: "lead" | "grader";
                        /** @description You are a grader kept anonymous: until publication every route but the course, marking and grade entry refuses you */
                        anonymous: boolean;
                        publishedAt: string | null;
                        items: {
                            /** @description Null while anonymous for you: address it by label */
                            groupId: string | null;
                            /** @description Usable in paths in place of the group id */
                            label: string;
                            /** @description Kept while anonymous: the report discusses it (a residual hint) */
                            paperId: string | null;
                            componentId: string;
                            anonymous: boolean;
                            /** @description Null while anonymous for you */
                            members: {
                                email: string;
                                name: string | null;
                            }[] | null;
                            graders: string[];
                            secondMarking: boolean;
                            /** @description Graders whose mark is in (second marking), or who entered the grade */
                            markedBy: string[];
                            /** @description Your part is done: your mark (or the grade) is in; for the lead, the grade */
                            done: boolean;
                            /** @description The group grade exists (agreed, for second marking) */
                            graded: boolean;
                            /** @description A single-marked component: the grade as entered, with the version to send to change it (PUT …/grades); null otherwise */
                            grade: {
                                version: number;
                                score?: number;
                                aspects?: {
                                    [key: string]: number;
                                };
                                comment?: string;
                            } | null;
                            /** @description Both marks in and over the threshold; null otherwise */
                            flagged: boolean | null;
                        }[];
                        /** @description Yours: assigned items and those done */
                        progress: {
                            assigned: number;
                            done: number;
                        };
                        /** @description The lead's view: every grader's progress; null for graders */
                        graders: {
                            assigned: number;
                            done: number;
                            email: string;
                        }[] | null;
                        /** @description Lead: second-marked items with both marks in, not agreed */
                        toAgree: number | null;
                    };
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed, or closed by a deadline */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No markers in this course */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
        };
    };
    getMarks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
                groupId: string;
                componentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The marks, their difference and the agreed final */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Null while anonymous for you */
                        groupId: string | null;
                        /** @description The opaque label the group is shown under */
                        label: string;
                        componentId: string;
                        /** @description Members are hidden from you (anonymous until published) */
                        anonymous: boolean;
                        /** @description Null while anonymous */
                        members: {
                            email: string;
                            name: string | null;
                        }[] | null;
                        graders: string[];
                        /** @description The marks in; a grader sees the other only once theirs is in */
                        marks: {
                            grader: string;
                            score?: number;
                            aspects?: {
                                [key: string]: number;
                            };
                            comment?: string;
                            /** @description Rounded by the course rule (display only) */
                            value: number;
                            /** @description The exact value, e.g. "43/3" */
                            exact: string;
                            at: string;
                        }[];
                        /** @description Exact |a − b| once both marks are in */
                        difference: string | null;
                        threshold: number;
                        /** @description The difference is over the threshold; null until both are in */
                        flagged: boolean | null;
                        /** @description Of the marks item (0: none yet) */
                        version: number;
                        /** @description The group grade once the lead agreed a final */
                        agreed: {
                            /** @description Null while the component is anonymous for you */
                            groupId: string | null;
                            componentId: string;
                            score?: number;
                            aspects?: {
                                [key: string]: number;
                            };
                            comment?: string;
                            value: number | null;
                            exact: string | null;
                            version: number;
                            updatedAt: string;
                            updatedBy: string;
                            /** @description The label the group is shown under */
                            label: string;
                        } | null;
                    };
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not assigned, or your own mark is not in yet */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The component is not second-marked */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
        };
    };
    putMark: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
                groupId: string;
                componentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description A score per aspect, for components with aspects (all aspects required) */
                    aspects?: {
                        [key: string]: number;
                    };
                    /** @description The score, for components without aspects */
                    score?: number;
                    /** @description Feedback for the students: published with the grade, in /me and in their mail */
                    comment?: string;
                    /** @description Enter the grade although its rule is not met (presentation not started, no accepted report), e.g. a no-show graded 0; audited */
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description The marks as you may now see them */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Null while anonymous for you */
                        groupId: string | null;
                        /** @description The opaque label the group is shown under */
                        label: string;
                        componentId: string;
                        /** @description Members are hidden from you (anonymous until published) */
                        anonymous: boolean;
                        /** @description Null while anonymous */
                        members: {
                            email: string;
                            name: string | null;
                        }[] | null;
                        graders: string[];
                        /** @description The marks in; a grader sees the other only once theirs is in */
                        marks: {
                            grader: string;
                            score?: number;
                            aspects?: {
                                [key: string]: number;
                            };
                            comment?: string;
                            /** @description Rounded by the course rule (display only) */
                            value: number;
                            /** @description The exact value, e.g. "43/3" */
                            exact: string;
                            at: string;
                        }[];
                        /** @description Exact |a − b| once both marks are in */
                        difference: string | null;
                        threshold: number;
                        /** @description The difference is over the threshold; null until both are in */
                        flagged: boolean | null;
                        /** @description Of the marks item (0: none yet) */
                        version: number;
                        /** @description The group grade once the lead agreed a final */
                        agreed: {
                            /** @description Null while the component is anonymous for you */
                            groupId: string | null;
                            componentId: string;
                            score?: number;
                            aspects?: {
                                [key: string]: number;
                            };
                            comment?: string;
                            value: number | null;
                            exact: string | null;
                            version: number;
                            updatedAt: string;
                            updatedBy: string;
                            /** @description The label the group is shown under */
                            label: string;
                        } | null;
                    };
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not one of the two assigned graders */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A third mark, both marks already in, or the final already agreed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
        };
    };
    agreeMarks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
                groupId: string;
                componentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description "mean" (within the threshold only), or the email of the grader whose mark is the final */
                    accept?: "mean" | string;
                    /** @description A final of your own (components without aspects); needs a reason */
                    score?: number;
                    /** @description A final of your own, per aspect; needs a reason */
                    aspects?: {
                        [key: string]: number;
                    };
                    /** @description The students' feedback (default: the accepted grader's comment) */
                    comment?: string;
                    /** @description Required over the threshold and for a final of your own; audited */
                    reason?: string;
                    /** @description The group grade's version you read; 0 or absent for the first agreement */
                    version?: number;
                };
            };
        };
        responses: {
            /** @description The agreed group grade */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        groupId: string;
                        componentId: string;
                        score?: number;
                        aspects?: {
                            [key: string]: number;
                        };
                        comment?: string;
                        value: number | null;
                        exact: string | null;
                        version: number;
                        updatedAt: string;
                        updatedBy: string;
                    };
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not the lead marker */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A mark is missing, the mean over the threshold, or a stale version */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
        };
    };
    getReportLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
                groupId: string;
                componentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The link, pages, SHA-256 and when it was received */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Null while the component is anonymous for you */
                        groupId: string | null;
                        label: string;
                        componentId: string;
                        deliverableId: string;
                        /** @description A presigned GET of the stored version, valid 5 minutes */
                        url: string;
                        expiresAt: string;
                        /** @description The label and extension while anonymous for you (S-1A2B3C4D.pdf), else the original */
                        fileName: string;
                        pages: number | null;
                        sha256: string;
                        /** @description In course time */
                        receivedAt: string;
                    };
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not assigned to this group, or addressed by group id while anonymous */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description No assigned group with this label, or no accepted submission */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description The component grades no group deliverable */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
        };
    };
    listRegrades: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The requests */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        regradeId: string;
                        email: string;
                        name: string;
                        componentId: string;
                        componentTitle: string;
                        /** @description 1, 2, …: a new request may follow an answered one */
                        round: number;
                        reason: string;
                        requestedAt: string;
                        /** @description What the student saw when they asked */
                        seen: {
                            /** @description The component's value as the student saw it */
                            value: number | null;
                            final: number | null;
                        };
                        /** @enum {string} */
                        status: "open" | "upheld" | "changed";
                        answer: {
                            /** @enum {string} */
                            decision: "upheld" | "changed";
                            response: string;
                            by: string;
                            at: string;
                            /** @description What the student sees since the answer */
                            now: {
                                /** @description The component's value as the student saw it */
                                value: number | null;
                                final: number | null;
                            };
                        } | null;
                    }[];
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed, or closed by a deadline */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    requestRegrade: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The grading component to regrade, e.g. report */
                    componentId: string;
                    /** @description Why the grade should be looked at again (1..2000 characters), read by the instructors */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description The request, open, and when requests close */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        regradeId: string;
                        email: string;
                        name: string;
                        componentId: string;
                        componentTitle: string;
                        /** @description 1, 2, …: a new request may follow an answered one */
                        round: number;
                        reason: string;
                        requestedAt: string;
                        /** @description What the student saw when they asked */
                        seen: {
                            /** @description The component's value as the student saw it */
                            value: number | null;
                            final: number | null;
                        };
                        /** @enum {string} */
                        status: "open" | "upheld" | "changed";
                        answer: {
                            /** @enum {string} */
                            decision: "upheld" | "changed";
                            response: string;
                            by: string;
                            at: string;
                            /** @description What the student sees since the answer */
                            now: {
                                /** @description The component's value as the student saw it */
                                value: number | null;
                                final: number | null;
                            };
                        } | null;
                        /** @description Requests close at this instant (course time) */
                        windowEnd: string;
                    };
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The course takes no regrade requests, or the window has closed (its end in course time) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Grades not published to you yet, no grade of that component, or a request of it is open */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
        };
    };
    answerRegrade: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
                regradeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description 'changed' once the grade was changed (PUT …/grades/members/{email} or …/grades/{componentId}: the student sees another value than when they asked); 'upheld' keeps it
                     * @enum {string}
                     */
                    decision: "upheld" | "changed";
                    /** @description The answer the student reads in /me and in their mail (1..2000 characters); audited */
                    response: string;
                };
            };
        };
        responses: {
            /** @description The answered request */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        regradeId: string;
                        email: string;
                        name: string;
                        componentId: string;
                        componentTitle: string;
                        /** @description 1, 2, …: a new request may follow an answered one */
                        round: number;
                        reason: string;
                        requestedAt: string;
                        /** @description What the student saw when they asked */
                        seen: {
                            /** @description The component's value as the student saw it */
                            value: number | null;
                            final: number | null;
                        };
                        /** @enum {string} */
                        status: "open" | "upheld" | "changed";
                        answer: {
                            /** @enum {string} */
                            decision: "upheld" | "changed";
                            response: string;
                            by: string;
                            at: string;
                            /** @description What the student sees since the answer */
                            now: {
                                /** @description The component's value as the student saw it */
                                value: number | null;
                                final: number | null;
                            };
                        } | null;
                    };
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed, or closed by a deadline */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No such request */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Already answered, or 'changed' while the student still sees the grade they asked about */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
        };
    };
    getGradebookCsv: {
        parameters: {
            query: {
                format: "moodle" | "canvas";
            };
            header?: never;
            path: {
                courseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description moodle: Email address,ID number,Full name,<component titles…>,Final grade. canvas: Student,ID,SIS User ID,SIS Login ID,Section,<component titles…>,Final grade, then a "Points Possible" row. UTF-8, CRLF */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed, or closed by a deadline */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    requestArchive: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
                deliverableId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description latest (default): per group or student, the accepted file that counts; all: every accepted version
                     * @default latest
                     * @enum {string}
                     */
                    versions?: "latest" | "all";
                };
            };
        };
        responses: {
            /** @description The request, pending: poll its GET until ready */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        archiveId: string;
                        deliverableId: string;
                        /** @enum {string} */
                        versions: "latest" | "all";
                        /**
                         * @description pending (queued), building, ready (url is set) or failed (error says why)
                         * @enum {string}
                         */
                        status: "pending" | "building" | "ready" | "failed";
                        requestedBy: string;
                        requestedAt: string;
                        finishedAt: string | null;
                        /** @description Files in the ZIP, once ready (manifest.csv not counted) */
                        files: number | null;
                        /** @description Size of the ZIP, once ready */
                        bytes: number | null;
                        error: string | null;
                        /** @description Short-lived link to the ZIP, once ready */
                        url: string | null;
                        urlExpiresAt: string | null;
                        fileName: string;
                    };
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed, or closed by a deadline */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getArchive: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
                deliverableId: string;
                archiveId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request and, when ready, its link */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        archiveId: string;
                        deliverableId: string;
                        /** @enum {string} */
                        versions: "latest" | "all";
                        /**
                         * @description pending (queued), building, ready (url is set) or failed (error says why)
                         * @enum {string}
                         */
                        status: "pending" | "building" | "ready" | "failed";
                        requestedBy: string;
                        requestedAt: string;
                        finishedAt: string | null;
                        /** @description Files in the ZIP, once ready (manifest.csv not counted) */
                        files: number | null;
                        /** @description Size of the ZIP, once ready */
                        bytes: number | null;
                        error: string | null;
                        /** @description Short-lived link to the ZIP, once ready */
                        url: string | null;
                        urlExpiresAt: string | null;
                        fileName: string;
                    };
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed, or closed by a deadline */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listJobRuns: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Job runs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        courseId: string;
                        /** @enum {string} */
                        job: "reminders" | "enforcement";
                        runId: string;
                        startedAt: string;
                        finishedAt: string;
                        entries: {
                            key: string;
                            deadlineKey: string;
                            sent: number;
                            already: number;
                            busy: number;
                            failed: number;
                            failedRecipients?: string[];
                            actions: string[];
                            done: boolean;
                            error?: string;
                        }[];
                    }[];
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed, or closed by a deadline */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    placeUnassigned: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Recorded in the audit log with each placement */
                    reason: string;
                    /** @default false */
                    dryRun?: boolean;
                };
            };
        };
        responses: {
            /** @description What was placed, what could not be */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        dryRun: boolean;
                        placements: {
                            /** @enum {string} */
                            kind: "join" | "create";
                            groupId?: string;
                            members: string[];
                            paperId?: string;
                        }[];
                        unplaced: string[];
                        failed: {
                            placement: {
                                /** @enum {string} */
                                kind: "join" | "create";
                                groupId?: string;
                                members: string[];
                                paperId?: string;
                            };
                            error: string;
                        }[];
                    };
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed, or closed by a deadline */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listMail: {
        parameters: {
            query?: {
                status?: "dead" | "retry" | "pending" | "sending" | "sent";
            };
            header?: never;
            path: {
                courseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Mails, newest first for dead ones */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        mailId: string;
                        template: string;
                        /** @enum {string} */
                        status: "pending" | "sending" | "sent" | "retry" | "dead";
                        to: string[];
                        subject: string;
                        attempts: number;
                        createdAt: string;
                        /** @description The last error SES (or the sender) answered */
                        error?: string;
                        retryAt?: string;
                        deadAt?: string;
                        sentAt?: string;
                    }[];
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed, or closed by a deadline */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    resendMail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
                mailId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Why it is sent again (recorded in the audit log) */
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description The mail, pending again */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        mailId: string;
                        template: string;
                        /** @enum {string} */
                        status: "pending" | "sending" | "sent" | "retry" | "dead";
                        to: string[];
                        subject: string;
                        attempts: number;
                        createdAt: string;
                        /** @description The last error SES (or the sender) answered */
                        error?: string;
                        retryAt?: string;
                        deadAt?: string;
                        sentAt?: string;
                    };
                };
            };
            /** @description Bad input: `issues` lists every bad field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing, expired or forged token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not allowed, or closed by a deadline */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown course or resource */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The mail is not dead (or changed meanwhile) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
        };
    };
}
