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
        /** Form a group (the caller among the members) and choose a paper; every member is emailed */
        post: operations["createGroup"];
        delete?: never;
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
        /** Change the paper and/or add members (members before the group deadline; instructors anytime, with a reason after it); every member is emailed */
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
        /** Publish the grades: students see their own in /me and each is emailed (idempotent) */
        post: operations["publishGrades"];
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
                            members: {
                                email: string;
                                name: string | null;
                            }[];
                            paperId: string;
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
                                contributions?: {
                                    [key: string]: string;
                                };
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
                                contributions?: {
                                    [key: string]: string;
                                };
                                /** @description Pending uploads: when the form expires */
                                expiresAt?: string;
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
                        grades: {
                            /** @description Component id → value rounded by the course rule (display only), null when missing */
                            components: {
                                [key: string]: number | null;
                            };
                            final: number | null;
                            finalText: string | null;
                            finalReason?: string;
                            scale: number;
                            publishedAt: string;
                        } | null;
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
                            members: {
                                email: string;
                                name: string | null;
                            }[];
                            paperId: string;
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
                    /** @description Members’ emails; a student creating a group must be among them */
                    members: string[];
                    paperId: string;
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
                        members: {
                            email: string;
                            name: string | null;
                        }[];
                        paperId: string;
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
            /** @description A member is already in a group, the paper is full, or a concurrent change (code try_again) */
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
                        members: {
                            email: string;
                            name: string | null;
                        }[];
                        paperId: string;
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
                    /** @description Roster students in no group to add */
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
                        members: {
                            email: string;
                            name: string | null;
                        }[];
                        paperId: string;
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
                            members: {
                                email: string;
                                name: string | null;
                            }[];
                            paperId: string;
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
                        contributions?: {
                            [key: string]: string;
                        };
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
                            contributions?: {
                                [key: string]: string;
                            };
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
                    comment?: string;
                    /** @description The version you read; 0 or absent for a first write. A stale version gets 409. */
                    version?: number;
                };
            };
        };
        responses: {
            /** @description The saved grade with its new version */
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
            /** @description Stale version: someone else changed this grade since it was read */
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
            /** @description email,name,studentId,groupId,paperId,<component ids…>,final,finalNote */
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
        requestBody?: never;
        responses: {
            /** @description Published (or already published) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        publishedAt: string;
                        alreadyPublished: boolean;
                        /** @description Students whose grade mail was queued (the outbox sends them a moment later, at the SES rate) */
                        emailed: number;
                        /** @description Always empty: the mails leave through the outbox, which retries them (GET …/mail lists dead ones) */
                        failed: string[];
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
