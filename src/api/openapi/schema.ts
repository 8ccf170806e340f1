// The REST API's types, generated from its OpenAPI document by `npm run openapi`: do not edit by hand.
// The CLI and the web UI call the API through openapi-fetch with these types; a test fails when they are stale.

export interface paths {
    "/api/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether this browser is signed in */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            signedIn: boolean;
                            /** Format: date-time */
                            expiresAt: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Sign in with the API key: sets the httpOnly session cookie */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        apiKey: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            signedIn: boolean;
                            /** Format: date-time */
                            expiresAt: string | null;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statusCode: number;
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        /** Sign out: clears the session cookie */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            signedIn: boolean;
                            /** Format: date-time */
                            expiresAt: string | null;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Postgres and Temporal reachability */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok" | "unavailable";
                            postgres: {
                                ok: boolean;
                                /** @enum {string} */
                                error?: "unreachable";
                            };
                            temporal: {
                                ok: boolean;
                                /** @enum {string} */
                                error?: "unreachable";
                            };
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok" | "unavailable";
                            postgres: {
                                ok: boolean;
                                /** @enum {string} */
                                error?: "unreachable";
                            };
                            temporal: {
                                ok: boolean;
                                /** @enum {string} */
                                error?: "unreachable";
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/phase-config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** All phases */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            scan: {
                                ignorePatterns: string[];
                                minVideoSizeMb: number;
                                videoExtensions: string[];
                            };
                            enrichment: {
                                fetchProviderAssets: boolean;
                                autoSelectAssets: boolean;
                                maxPoster: number;
                                maxFanart: number;
                                maxLogo: number;
                                maxTrailer: number;
                                language: string;
                                minResolution: number;
                            };
                            publish: {
                                assets: boolean;
                                actors: boolean;
                                trailers: boolean;
                                /** @enum {string} */
                                movieNfoName: "movie.nfo" | "video";
                            };
                            playerSync: {
                                notify: boolean;
                                delaySeconds: number;
                                cleanFirst: boolean;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/phase-config/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reset every phase to its defaults */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            scan: {
                                ignorePatterns: string[];
                                minVideoSizeMb: number;
                                videoExtensions: string[];
                            };
                            enrichment: {
                                fetchProviderAssets: boolean;
                                autoSelectAssets: boolean;
                                maxPoster: number;
                                maxFanart: number;
                                maxLogo: number;
                                maxTrailer: number;
                                language: string;
                                minResolution: number;
                            };
                            publish: {
                                assets: boolean;
                                actors: boolean;
                                trailers: boolean;
                                /** @enum {string} */
                                movieNfoName: "movie.nfo" | "video";
                            };
                            playerSync: {
                                notify: boolean;
                                delaySeconds: number;
                                cleanFirst: boolean;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/phase-config/{phase}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One phase */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    phase: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/phase-config/scan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update scan settings */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ignorePatterns?: string[];
                        minVideoSizeMb?: number;
                        videoExtensions?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ignorePatterns: string[];
                            minVideoSizeMb: number;
                            videoExtensions: string[];
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/phase-config/enrichment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update enrichment settings */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        fetchProviderAssets?: boolean;
                        autoSelectAssets?: boolean;
                        maxPoster?: number;
                        maxFanart?: number;
                        maxLogo?: number;
                        maxTrailer?: number;
                        language?: string;
                        minResolution?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            fetchProviderAssets: boolean;
                            autoSelectAssets: boolean;
                            maxPoster: number;
                            maxFanart: number;
                            maxLogo: number;
                            maxTrailer: number;
                            language: string;
                            minResolution: number;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/phase-config/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update publish settings */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        assets?: boolean;
                        actors?: boolean;
                        trailers?: boolean;
                        /** @enum {string} */
                        movieNfoName?: "movie.nfo" | "video";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assets: boolean;
                            actors: boolean;
                            trailers: boolean;
                            /** @enum {string} */
                            movieNfoName: "movie.nfo" | "video";
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/phase-config/playerSync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update playerSync settings */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        notify?: boolean;
                        delaySeconds?: number;
                        cleanFirst?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            notify: boolean;
                            delaySeconds: number;
                            cleanFirst: boolean;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/libraries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** All libraries */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @enum {string} */
                            kind: "movie" | "tv" | "music";
                            rootPath: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Create a library */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @enum {string} */
                        kind: "movie" | "tv" | "music";
                        rootPath: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @enum {string} */
                            kind: "movie" | "tv" | "music";
                            rootPath: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/libraries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One library */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @enum {string} */
                            kind: "movie" | "tv" | "music";
                            rootPath: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Forget a library (files on disk are never touched) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename a library or move its root */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        rootPath?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @enum {string} */
                            kind: "movie" | "tv" | "music";
                            rootPath: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/libraries/{id}/scan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a scan, or return the one already running */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            scanId: string;
                            workflowId: string;
                            /**
                             * Format: uri
                             * @description The run in the Temporal Web UI
                             */
                            temporalUrl: string;
                            alreadyRunning: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/libraries/{id}/titles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The movies or shows of a library: search, filter (unidentified, removed, missing artwork), sort, a slice at a time */
        get: {
            parameters: {
                query?: {
                    q?: string;
                    filter?: "unidentified" | "removed" | "missing-artwork";
                    sort?: "title" | "year" | "added" | "updated";
                    order?: "asc" | "desc";
                    offset?: number;
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            libraryId: string;
                            /** @enum {string} */
                            kind: "movie" | "show";
                            total: number;
                            offset: number;
                            items: {
                                /** Format: uuid */
                                id: string;
                                title: string;
                                year: number | null;
                                identified: boolean;
                                removed: boolean;
                                hasPoster: boolean;
                                /** Format: date-time */
                                addedAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Scans of every library, newest first; filtered by library and status */
        get: {
            parameters: {
                query?: {
                    libraryId?: string;
                    status?: string | string[];
                    page?: number;
                    pageSize?: number;
                    sortKey?: "startedAt" | "finishedAt" | "status";
                    sortDirection?: "ascending" | "descending";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            page: number;
                            pageSize: number;
                            /** @enum {string} */
                            sortKey: "startedAt" | "finishedAt" | "status";
                            /** @enum {string} */
                            sortDirection: "ascending" | "descending";
                            totalRecords: number;
                            records: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                libraryId: string;
                                workflowId: string;
                                /**
                                 * Format: uri
                                 * @description The run in the Temporal Web UI
                                 */
                                temporalUrl: string;
                                /** @enum {string} */
                                status: "running" | "completed" | "failed" | "cancelled";
                                phase: string | null;
                                /** Format: date-time */
                                startedAt: string;
                                /** Format: date-time */
                                finishedAt: string | null;
                                errorMessage: string | null;
                                directoriesTotal: number;
                                directoriesScanned: number;
                                titlesFound: number;
                                titlesNew: number;
                                titlesUpdated: number;
                                titlesRemoved: number;
                                assetsCached: number;
                                errors: number;
                                libraryName: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/libraries/{id}/scans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One library's scans, newest first; filtered by status */
        get: {
            parameters: {
                query?: {
                    status?: string | string[];
                    page?: number;
                    pageSize?: number;
                    sortKey?: "startedAt" | "finishedAt" | "status";
                    sortDirection?: "ascending" | "descending";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            page: number;
                            pageSize: number;
                            /** @enum {string} */
                            sortKey: "startedAt" | "finishedAt" | "status";
                            /** @enum {string} */
                            sortDirection: "ascending" | "descending";
                            totalRecords: number;
                            records: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                libraryId: string;
                                workflowId: string;
                                /**
                                 * Format: uri
                                 * @description The run in the Temporal Web UI
                                 */
                                temporalUrl: string;
                                /** @enum {string} */
                                status: "running" | "completed" | "failed" | "cancelled";
                                phase: string | null;
                                /** Format: date-time */
                                startedAt: string;
                                /** Format: date-time */
                                finishedAt: string | null;
                                errorMessage: string | null;
                                directoriesTotal: number;
                                directoriesScanned: number;
                                titlesFound: number;
                                titlesNew: number;
                                titlesUpdated: number;
                                titlesRemoved: number;
                                assetsCached: number;
                                errors: number;
                                libraryName: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scans/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A scan with its counters (live while it runs) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            libraryId: string;
                            workflowId: string;
                            /**
                             * Format: uri
                             * @description The run in the Temporal Web UI
                             */
                            temporalUrl: string;
                            /** @enum {string} */
                            status: "running" | "completed" | "failed" | "cancelled";
                            phase: string | null;
                            /** Format: date-time */
                            startedAt: string;
                            /** Format: date-time */
                            finishedAt: string | null;
                            errorMessage: string | null;
                            directoriesTotal: number;
                            directoriesScanned: number;
                            titlesFound: number;
                            titlesNew: number;
                            titlesUpdated: number;
                            titlesRemoved: number;
                            assetsCached: number;
                            errors: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scans/{id}/issues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the scan could not use, and why (unreadable folders, symlink loops, malformed files) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            path: string;
                            reason: string;
                            folderKey: string | null;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scans/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a running scan; folders already scanned stay scanned */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {boolean} */
                            cancelRequested: true;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/movies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List movies */
        get: {
            parameters: {
                query?: {
                    libraryId?: string;
                    status?: "identified" | "unidentified" | "removed";
                    q?: string;
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            page: number;
                            pageSize: number;
                            total: number;
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                libraryId: string;
                                title: string;
                                originalTitle: string | null;
                                sortTitle: string | null;
                                year: number | null;
                                premiered: string | null;
                                plot: string | null;
                                outline: string | null;
                                tagline: string | null;
                                runtime: number | null;
                                mpaa: string | null;
                                ids: {
                                    tmdb: number | null;
                                    imdb: string | null;
                                    tvdb: number | null;
                                };
                                ratings: {
                                    name: string;
                                    value: number;
                                    valueText?: string;
                                    votes?: number;
                                    max?: number;
                                    isDefault: boolean;
                                }[];
                                genres: string[];
                                countries: string[];
                                studios: string[];
                                tags: string[];
                                directors: string[];
                                credits: string[];
                                /** @enum {string} */
                                identificationStatus: "unidentified" | "identified";
                                /** @enum {string} */
                                identificationSource: "nfo" | "folder-tag" | "folder-name" | "manual" | "provider" | "arr";
                                folderPath: string;
                                nfoPath: string | null;
                                unreadableNfoPath: string | null;
                                replaceUnreadableNfo: boolean;
                                scanErrors: {
                                    relativePath: string;
                                    reason: string;
                                }[];
                                lockedFields: ("title" | "originalTitle" | "sortTitle" | "year" | "premiered" | "plot" | "outline" | "tagline" | "runtime" | "mpaa" | "genres" | "countries" | "studios" | "tags" | "directors" | "credits" | "setName")[];
                                /** Format: date-time */
                                removedAt: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/movies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One movie with streams, artwork, cast, unknown files and where the IPTV catalogues offer it */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            libraryId: string;
                            title: string;
                            originalTitle: string | null;
                            sortTitle: string | null;
                            year: number | null;
                            premiered: string | null;
                            plot: string | null;
                            outline: string | null;
                            tagline: string | null;
                            runtime: number | null;
                            mpaa: string | null;
                            ids: {
                                tmdb: number | null;
                                imdb: string | null;
                                tvdb: number | null;
                            };
                            ratings: {
                                name: string;
                                value: number;
                                valueText?: string;
                                votes?: number;
                                max?: number;
                                isDefault: boolean;
                            }[];
                            genres: string[];
                            countries: string[];
                            studios: string[];
                            tags: string[];
                            directors: string[];
                            credits: string[];
                            /** @enum {string} */
                            identificationStatus: "unidentified" | "identified";
                            /** @enum {string} */
                            identificationSource: "nfo" | "folder-tag" | "folder-name" | "manual" | "provider" | "arr";
                            folderPath: string;
                            nfoPath: string | null;
                            unreadableNfoPath: string | null;
                            replaceUnreadableNfo: boolean;
                            scanErrors: {
                                relativePath: string;
                                reason: string;
                            }[];
                            lockedFields: ("title" | "originalTitle" | "sortTitle" | "year" | "premiered" | "plot" | "outline" | "tagline" | "runtime" | "mpaa" | "genres" | "countries" | "studios" | "tags" | "directors" | "credits" | "setName")[];
                            /** Format: date-time */
                            removedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            set: string | null;
                            mediaFiles: {
                                relativePath: string;
                                sizeBytes: number;
                                container: string | null;
                                durationSeconds: number | null;
                                bitrate: number | null;
                                probeError: string | null;
                                streams: ({
                                    /** @enum {string} */
                                    streamType: "video" | "audio" | "subtitle";
                                    codec: string | null;
                                    language: string | null;
                                } & {
                                    [key: string]: unknown;
                                })[];
                            }[];
                            assets: {
                                /** Format: uuid */
                                id: string;
                                assetType: string;
                                season: number | null;
                                source: string;
                                sourcePath: string;
                                sha256: string;
                                cachePath: string;
                                width: number | null;
                                height: number | null;
                                format: string | null;
                            }[];
                            actors: {
                                name: string;
                                role: string | null;
                                order: number;
                                thumbUrl: string | null;
                                /** Format: uuid */
                                thumbCacheFileId: string | null;
                            }[];
                            unknownFiles: {
                                relativePath: string;
                                sizeBytes: number;
                            }[];
                            iptv: {
                                /** Format: uuid */
                                providerId: string;
                                providerName: string;
                                titleKey: string;
                                name: string;
                                streams: {
                                    movie?: string;
                                    episodes?: {
                                        [key: string]: string;
                                    };
                                };
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit movie fields (locks them); unlock with "unlock" */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title?: string;
                        originalTitle?: string | null;
                        sortTitle?: string | null;
                        year?: number | null;
                        /** Format: date */
                        premiered?: string | null;
                        plot?: string | null;
                        outline?: string | null;
                        tagline?: string | null;
                        runtime?: number | null;
                        mpaa?: string | null;
                        genres?: string[];
                        countries?: string[];
                        studios?: string[];
                        tags?: string[];
                        directors?: string[];
                        credits?: string[];
                        setName?: string | null;
                        unlock?: ("title" | "originalTitle" | "sortTitle" | "year" | "premiered" | "plot" | "outline" | "tagline" | "runtime" | "mpaa" | "genres" | "countries" | "studios" | "tags" | "directors" | "credits" | "setName")[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            libraryId: string;
                            title: string;
                            originalTitle: string | null;
                            sortTitle: string | null;
                            year: number | null;
                            premiered: string | null;
                            plot: string | null;
                            outline: string | null;
                            tagline: string | null;
                            runtime: number | null;
                            mpaa: string | null;
                            ids: {
                                tmdb: number | null;
                                imdb: string | null;
                                tvdb: number | null;
                            };
                            ratings: {
                                name: string;
                                value: number;
                                valueText?: string;
                                votes?: number;
                                max?: number;
                                isDefault: boolean;
                            }[];
                            genres: string[];
                            countries: string[];
                            studios: string[];
                            tags: string[];
                            directors: string[];
                            credits: string[];
                            /** @enum {string} */
                            identificationStatus: "unidentified" | "identified";
                            /** @enum {string} */
                            identificationSource: "nfo" | "folder-tag" | "folder-name" | "manual" | "provider" | "arr";
                            folderPath: string;
                            nfoPath: string | null;
                            unreadableNfoPath: string | null;
                            replaceUnreadableNfo: boolean;
                            scanErrors: {
                                relativePath: string;
                                reason: string;
                            }[];
                            lockedFields: ("title" | "originalTitle" | "sortTitle" | "year" | "premiered" | "plot" | "outline" | "tagline" | "runtime" | "mpaa" | "genres" | "countries" | "studios" | "tags" | "directors" | "credits" | "setName")[];
                            /** Format: date-time */
                            removedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/movies/{id}/assets/{assetId}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The image of one of the movie's artwork (an asset of its detail), from the cache */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    assetId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The image, as cached (JPEG, PNG, WebP or GIF) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/*": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List shows */
        get: {
            parameters: {
                query?: {
                    libraryId?: string;
                    status?: "identified" | "unidentified" | "removed";
                    q?: string;
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            page: number;
                            pageSize: number;
                            total: number;
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                libraryId: string;
                                title: string;
                                originalTitle: string | null;
                                sortTitle: string | null;
                                year: number | null;
                                premiered: string | null;
                                plot: string | null;
                                outline: string | null;
                                tagline: string | null;
                                runtime: number | null;
                                mpaa: string | null;
                                ids: {
                                    tmdb: number | null;
                                    imdb: string | null;
                                    tvdb: number | null;
                                };
                                ratings: {
                                    name: string;
                                    value: number;
                                    valueText?: string;
                                    votes?: number;
                                    max?: number;
                                    isDefault: boolean;
                                }[];
                                genres: string[];
                                countries: string[];
                                studios: string[];
                                tags: string[];
                                directors: string[];
                                credits: string[];
                                /** @enum {string} */
                                identificationStatus: "unidentified" | "identified";
                                /** @enum {string} */
                                identificationSource: "nfo" | "folder-tag" | "folder-name" | "manual" | "provider" | "arr";
                                folderPath: string;
                                nfoPath: string | null;
                                unreadableNfoPath: string | null;
                                replaceUnreadableNfo: boolean;
                                scanErrors: {
                                    relativePath: string;
                                    reason: string;
                                }[];
                                lockedFields: ("title" | "originalTitle" | "sortTitle" | "year" | "premiered" | "plot" | "outline" | "tagline" | "runtime" | "mpaa" | "genres" | "countries" | "studios" | "tags" | "directors" | "credits" | "setName")[];
                                /** Format: date-time */
                                removedAt: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shows/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One show with streams, artwork, cast, unknown files and where the IPTV catalogues offer it */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            libraryId: string;
                            title: string;
                            originalTitle: string | null;
                            sortTitle: string | null;
                            year: number | null;
                            premiered: string | null;
                            plot: string | null;
                            outline: string | null;
                            tagline: string | null;
                            runtime: number | null;
                            mpaa: string | null;
                            ids: {
                                tmdb: number | null;
                                imdb: string | null;
                                tvdb: number | null;
                            };
                            ratings: {
                                name: string;
                                value: number;
                                valueText?: string;
                                votes?: number;
                                max?: number;
                                isDefault: boolean;
                            }[];
                            genres: string[];
                            countries: string[];
                            studios: string[];
                            tags: string[];
                            directors: string[];
                            credits: string[];
                            /** @enum {string} */
                            identificationStatus: "unidentified" | "identified";
                            /** @enum {string} */
                            identificationSource: "nfo" | "folder-tag" | "folder-name" | "manual" | "provider" | "arr";
                            folderPath: string;
                            nfoPath: string | null;
                            unreadableNfoPath: string | null;
                            replaceUnreadableNfo: boolean;
                            scanErrors: {
                                relativePath: string;
                                reason: string;
                            }[];
                            lockedFields: ("title" | "originalTitle" | "sortTitle" | "year" | "premiered" | "plot" | "outline" | "tagline" | "runtime" | "mpaa" | "genres" | "countries" | "studios" | "tags" | "directors" | "credits" | "setName")[];
                            /** Format: date-time */
                            removedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            status: string | null;
                            seasons: {
                                seasonNumber: number;
                                name: string | null;
                                title: string | null;
                                plot: string | null;
                                premiered: string | null;
                                nfoPath: string | null;
                                episodes: {
                                    /** Format: uuid */
                                    id: string;
                                    episodeNumber: number;
                                    title: string | null;
                                    plot: string | null;
                                    aired: string | null;
                                    runtime: number | null;
                                    videoPath: string;
                                    nfoPath: string | null;
                                    unreadableNfoPath: string | null;
                                    ids: {
                                        tmdb: number | null;
                                        imdb: string | null;
                                        tvdb: number | null;
                                    };
                                }[];
                            }[];
                            mediaFiles: {
                                relativePath: string;
                                sizeBytes: number;
                                container: string | null;
                                durationSeconds: number | null;
                                bitrate: number | null;
                                probeError: string | null;
                                streams: ({
                                    /** @enum {string} */
                                    streamType: "video" | "audio" | "subtitle";
                                    codec: string | null;
                                    language: string | null;
                                } & {
                                    [key: string]: unknown;
                                })[];
                            }[];
                            assets: {
                                /** Format: uuid */
                                id: string;
                                assetType: string;
                                season: number | null;
                                source: string;
                                sourcePath: string;
                                sha256: string;
                                cachePath: string;
                                width: number | null;
                                height: number | null;
                                format: string | null;
                            }[];
                            actors: {
                                name: string;
                                role: string | null;
                                order: number;
                                thumbUrl: string | null;
                                /** Format: uuid */
                                thumbCacheFileId: string | null;
                            }[];
                            unknownFiles: {
                                relativePath: string;
                                sizeBytes: number;
                            }[];
                            iptv: {
                                /** Format: uuid */
                                providerId: string;
                                providerName: string;
                                titleKey: string;
                                name: string;
                                streams: {
                                    movie?: string;
                                    episodes?: {
                                        [key: string]: string;
                                    };
                                };
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit show fields (locks them); unlock with "unlock" */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title?: string;
                        originalTitle?: string | null;
                        sortTitle?: string | null;
                        year?: number | null;
                        /** Format: date */
                        premiered?: string | null;
                        plot?: string | null;
                        outline?: string | null;
                        tagline?: string | null;
                        runtime?: number | null;
                        mpaa?: string | null;
                        genres?: string[];
                        countries?: string[];
                        studios?: string[];
                        tags?: string[];
                        directors?: string[];
                        credits?: string[];
                        unlock?: ("title" | "originalTitle" | "sortTitle" | "year" | "premiered" | "plot" | "outline" | "tagline" | "runtime" | "mpaa" | "genres" | "countries" | "studios" | "tags" | "directors" | "credits" | "setName")[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            libraryId: string;
                            title: string;
                            originalTitle: string | null;
                            sortTitle: string | null;
                            year: number | null;
                            premiered: string | null;
                            plot: string | null;
                            outline: string | null;
                            tagline: string | null;
                            runtime: number | null;
                            mpaa: string | null;
                            ids: {
                                tmdb: number | null;
                                imdb: string | null;
                                tvdb: number | null;
                            };
                            ratings: {
                                name: string;
                                value: number;
                                valueText?: string;
                                votes?: number;
                                max?: number;
                                isDefault: boolean;
                            }[];
                            genres: string[];
                            countries: string[];
                            studios: string[];
                            tags: string[];
                            directors: string[];
                            credits: string[];
                            /** @enum {string} */
                            identificationStatus: "unidentified" | "identified";
                            /** @enum {string} */
                            identificationSource: "nfo" | "folder-tag" | "folder-name" | "manual" | "provider" | "arr";
                            folderPath: string;
                            nfoPath: string | null;
                            unreadableNfoPath: string | null;
                            replaceUnreadableNfo: boolean;
                            scanErrors: {
                                relativePath: string;
                                reason: string;
                            }[];
                            lockedFields: ("title" | "originalTitle" | "sortTitle" | "year" | "premiered" | "plot" | "outline" | "tagline" | "runtime" | "mpaa" | "genres" | "countries" | "studios" | "tags" | "directors" | "credits" | "setName")[];
                            /** Format: date-time */
                            removedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/shows/{id}/assets/{assetId}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The image of one of the show's artwork (an asset of its detail), from the cache */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    assetId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The image, as cached (JPEG, PNG, WebP or GIF) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/*": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/episodes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One episode with its streams */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            showId: string;
                            seasonNumber: number;
                            episodeNumber: number;
                            videoPath: string;
                            ids: {
                                tmdb: number | null;
                                imdb: string | null;
                                tvdb: number | null;
                            };
                            mediaFiles: {
                                relativePath: string;
                                sizeBytes: number;
                                container: string | null;
                                durationSeconds: number | null;
                                bitrate: number | null;
                                probeError: string | null;
                                streams: ({
                                    /** @enum {string} */
                                    streamType: "video" | "audio" | "subtitle";
                                    codec: string | null;
                                    language: string | null;
                                } & {
                                    [key: string]: unknown;
                                })[];
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search every enabled provider (never cached); results merged across providers, best first */
        get: {
            parameters: {
                query: {
                    type: "movie" | "tv";
                    query: string;
                    year?: number;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            results: {
                                externalIds: {
                                    tmdb?: number;
                                    imdb?: string;
                                    tvdb?: number;
                                    musicbrainz?: string;
                                };
                                title: string;
                                originalTitle?: string;
                                year?: number;
                                overview?: string;
                                posterUrl?: string;
                                confidence: number;
                                providers: string[];
                            }[];
                            failedProviders: {
                                provider: string;
                                error: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/movies/{id}/provider-assets/fetch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Fetch a movie's metadata and artwork from the providers (cached 7 days unless force) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default false */
                        force?: boolean;
                        assetTypes?: ("poster" | "fanart" | "banner" | "clearlogo" | "clearart" | "discart" | "landscape" | "keyart" | "thumb" | "characterart" | "season-poster" | "season-banner" | "season-fanart" | "season-landscape")[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cached: boolean;
                            cacheAge: number;
                            providers: {
                                [key: string]: {
                                    images: {
                                        [key: string]: {
                                            url: string;
                                            width: number | null;
                                            height: number | null;
                                            language: string | null;
                                            voteAverage: number | null;
                                            voteCount: number | null;
                                            season: number | null;
                                        }[];
                                    };
                                    /** @description The provider's metadata of the title (ids, titles, plot, cast, ratings, trailers, …), or null */
                                    metadata: unknown;
                                };
                            };
                            metadata: {
                                fetchedAt: string;
                                completedProviders: string[];
                                failedProviders: {
                                    provider: string;
                                    error: string;
                                }[];
                                timedOutProviders: string[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/movies/{id}/provider-assets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the provider cache holds for a movie (no network): the candidates a person selects or rejects */
        get: {
            parameters: {
                query?: {
                    type?: "poster" | "fanart" | "banner" | "clearlogo" | "clearart" | "discart" | "landscape" | "keyart" | "thumb" | "characterart" | "season-poster" | "season-banner" | "season-fanart" | "season-landscape";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            assetType: string;
                            provider: string;
                            url: string;
                            width: number | null;
                            height: number | null;
                            metadata: {
                                [key: string]: unknown;
                            } | null;
                            score: number | null;
                            isSelected: boolean;
                            isRejected: boolean;
                            /** Format: date-time */
                            fetchedAt: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shows/{id}/provider-assets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the provider cache holds for a show (season artwork included) (no network): the candidates a person selects or rejects */
        get: {
            parameters: {
                query?: {
                    type?: "poster" | "fanart" | "banner" | "clearlogo" | "clearart" | "discart" | "landscape" | "keyart" | "thumb" | "characterart" | "season-poster" | "season-banner" | "season-fanart" | "season-landscape";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            assetType: string;
                            provider: string;
                            url: string;
                            width: number | null;
                            height: number | null;
                            metadata: {
                                [key: string]: unknown;
                            } | null;
                            score: number | null;
                            isSelected: boolean;
                            isRejected: boolean;
                            /** Format: date-time */
                            fetchedAt: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The Prometheus text exposition format */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Configured providers, in the order they are asked */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "tmdb" | "tvdb" | "fanart_tv" | "musicbrainz";
                            name: string;
                            enabled: boolean;
                            priority: number;
                            baseUrl: string;
                            credentials: {
                                [key: string]: string;
                            };
                            credentialsError?: string;
                            rateLimitPerSecond: number;
                            timeoutMs: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Configure a provider; unset fields take the kind’s defaults */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "tmdb" | "tvdb" | "fanart_tv" | "musicbrainz";
                        name: string;
                        enabled?: boolean;
                        priority?: number;
                        /** Format: uri */
                        baseUrl?: string;
                        credentials: {
                            [key: string]: string;
                        };
                        rateLimitPerSecond?: number;
                        timeoutMs?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "tmdb" | "tvdb" | "fanart_tv" | "musicbrainz";
                            name: string;
                            enabled: boolean;
                            priority: number;
                            baseUrl: string;
                            credentials: {
                                [key: string]: string;
                            };
                            credentialsError?: string;
                            rateLimitPerSecond: number;
                            timeoutMs: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/providers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One provider */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "tmdb" | "tvdb" | "fanart_tv" | "musicbrainz";
                            name: string;
                            enabled: boolean;
                            priority: number;
                            baseUrl: string;
                            credentials: {
                                [key: string]: string;
                            };
                            credentialsError?: string;
                            rateLimitPerSecond: number;
                            timeoutMs: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Remove a provider */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a provider; credentials, when given, replace the stored ones as a whole */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        enabled?: boolean;
                        priority?: number;
                        /** Format: uri */
                        baseUrl?: string;
                        credentials?: {
                            [key: string]: string;
                        };
                        rateLimitPerSecond?: number;
                        timeoutMs?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "tmdb" | "tvdb" | "fanart_tv" | "musicbrainz";
                            name: string;
                            enabled: boolean;
                            priority: number;
                            baseUrl: string;
                            credentials: {
                                [key: string]: string;
                            };
                            credentialsError?: string;
                            rateLimitPerSecond: number;
                            timeoutMs: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/providers/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check the stored credentials with the provider’s cheapest authenticated call
         * @description 200 `{ok: true}` when the provider accepted them; 200 `{ok: false, error}` when it refused them, did not answer within the provider’s timeout, or the stored credentials cannot be decrypted. 404 for an unknown provider.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                            error?: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every notification service and whether it is configured */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            service: "kodi" | "jellyfin" | "plex" | "discord" | "pushover" | "email";
                            configured: boolean;
                            enabled: boolean;
                            config: {
                                [key: string]: unknown;
                            } | null;
                            configError?: string;
                            /** Format: date-time */
                            updatedAt: string | null;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/{service}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One service’s config, secrets masked */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    service: "kodi" | "jellyfin" | "plex" | "discord" | "pushover" | "email";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            service: "kodi" | "jellyfin" | "plex" | "discord" | "pushover" | "email";
                            configured: boolean;
                            enabled: boolean;
                            config: {
                                [key: string]: unknown;
                            } | null;
                            configError?: string;
                            /** Format: date-time */
                            updatedAt: string | null;
                        };
                    };
                };
            };
        };
        /**
         * Set a service’s config as a whole; unset fields take their defaults
         * @description 400 names each invalid field as `body.config.<path>`. The next notification, and the next retry of a pending one, use it.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    service: "kodi" | "jellyfin" | "plex" | "discord" | "pushover" | "email";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default true */
                        enabled?: boolean;
                        config: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            service: "kodi" | "jellyfin" | "plex" | "discord" | "pushover" | "email";
                            configured: boolean;
                            enabled: boolean;
                            config: {
                                [key: string]: unknown;
                            } | null;
                            configError?: string;
                            /** Format: date-time */
                            updatedAt: string | null;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/{service}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a real test notification and answer with what the target said
         * @description Players get a harmless call that proves URL and credentials (Kodi JSONRPC.Ping on every host, Jellyfin /System/Info, Plex /library/sections); Discord, Pushover and e-mail get a test message. 200 `{ok: false, error}` when the target refused or could not be reached; 404 when the service is not configured and no config is given.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    service: "kodi" | "jellyfin" | "plex" | "discord" | "pushover" | "email";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        config?: {
                            [key: string]: unknown;
                        };
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                            answers: string[];
                            error?: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/schedules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every schedule, with its next and last run */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            kind: "provider-refresh" | "library-scan" | "maintenance" | "iptv-sync";
                            targetId: string | null;
                            description: string;
                            workflowType: string;
                            workflowId: string;
                            /**
                             * Format: uri
                             * @description The run in the Temporal Web UI
                             */
                            temporalUrl: string;
                            intervalSeconds: number | null;
                            cron: string | null;
                            paused: boolean;
                            edited: boolean;
                            nextRunAt: string | null;
                            lastRunAt: string | null;
                            running: boolean;
                            actionsTaken: number;
                            skippedOverlap: number;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/schedules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One schedule (id URL-encoded) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            kind: "provider-refresh" | "library-scan" | "maintenance" | "iptv-sync";
                            targetId: string | null;
                            description: string;
                            workflowType: string;
                            workflowId: string;
                            /**
                             * Format: uri
                             * @description The run in the Temporal Web UI
                             */
                            temporalUrl: string;
                            intervalSeconds: number | null;
                            cron: string | null;
                            paused: boolean;
                            edited: boolean;
                            nextRunAt: string | null;
                            lastRunAt: string | null;
                            running: boolean;
                            actionsTaken: number;
                            skippedOverlap: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a schedule’s interval or cron (UTC), or pause/resume it; kept across restarts */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        intervalSeconds?: number;
                        cron?: string;
                        paused?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            kind: "provider-refresh" | "library-scan" | "maintenance" | "iptv-sync";
                            targetId: string | null;
                            description: string;
                            workflowType: string;
                            workflowId: string;
                            /**
                             * Format: uri
                             * @description The run in the Temporal Web UI
                             */
                            temporalUrl: string;
                            intervalSeconds: number | null;
                            cron: string | null;
                            paused: boolean;
                            edited: boolean;
                            nextRunAt: string | null;
                            lastRunAt: string | null;
                            running: boolean;
                            actionsTaken: number;
                            skippedOverlap: number;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/schedules/{id}/trigger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run the schedule’s work now; nothing happens if it is already running (overlap SKIP) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            kind: "provider-refresh" | "library-scan" | "maintenance" | "iptv-sync";
                            targetId: string | null;
                            description: string;
                            workflowType: string;
                            workflowId: string;
                            /**
                             * Format: uri
                             * @description The run in the Temporal Web UI
                             */
                            temporalUrl: string;
                            intervalSeconds: number | null;
                            cron: string | null;
                            paused: boolean;
                            edited: boolean;
                            nextRunAt: string | null;
                            lastRunAt: string | null;
                            running: boolean;
                            actionsTaken: number;
                            skippedOverlap: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/iptv/syncs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** IPTV syncs of every provider, newest first, with their counters; filtered by provider and status */
        get: {
            parameters: {
                query?: {
                    providerId?: string;
                    status?: string | string[];
                    page?: number;
                    pageSize?: number;
                    sortKey?: "startedAt" | "finishedAt" | "status";
                    sortDirection?: "ascending" | "descending";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            page: number;
                            pageSize: number;
                            /** @enum {string} */
                            sortKey: "startedAt" | "finishedAt" | "status";
                            /** @enum {string} */
                            sortDirection: "ascending" | "descending";
                            totalRecords: number;
                            records: {
                                id: string;
                                /** Format: uuid */
                                providerId: string;
                                providerName: string;
                                workflowId: string;
                                /**
                                 * Format: uri
                                 * @description The run in the Temporal Web UI
                                 */
                                temporalUrl: string;
                                /** @enum {string} */
                                status: "running" | "completed" | "failed" | "cancelled";
                                phase: string;
                                listed: number;
                                malformed: number;
                                toMatch: number;
                                matched: number;
                                ignored: number;
                                matchErrors: number;
                                added: number;
                                removed: number;
                                errorMessage: string | null;
                                /** Format: date-time */
                                startedAt: string;
                                /** Format: date-time */
                                finishedAt: string | null;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/iptv/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** IPTV providers */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "xtream" | "m3u";
                            name: string;
                            enabled: boolean;
                            baseUrl: string;
                            credentials: {
                                [key: string]: string;
                            };
                            credentialsError?: string;
                            categories: {
                                movies: boolean;
                                tvshows: boolean;
                            };
                            nameCleanup: {
                                pattern: string;
                                replacement: string;
                            }[];
                            maxConcurrent: number;
                            rateLimitRequests: number;
                            rateLimitWindowMs: number;
                            timeoutMs: number;
                            syncIntervalSeconds: number;
                            scheduleId: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Add an IPTV provider; its sync is scheduled at its interval (default 6 h) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "xtream" | "m3u";
                        name: string;
                        enabled?: boolean;
                        /** Format: uri */
                        baseUrl: string;
                        credentials?: {
                            [key: string]: string;
                        };
                        categories?: {
                            movies: boolean;
                            tvshows: boolean;
                        };
                        nameCleanup?: {
                            pattern: string;
                            replacement: string;
                        }[];
                        maxConcurrent?: number;
                        rateLimitRequests?: number;
                        rateLimitWindowMs?: number;
                        timeoutMs?: number;
                        syncIntervalSeconds?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "xtream" | "m3u";
                            name: string;
                            enabled: boolean;
                            baseUrl: string;
                            credentials: {
                                [key: string]: string;
                            };
                            credentialsError?: string;
                            categories: {
                                movies: boolean;
                                tvshows: boolean;
                            };
                            nameCleanup: {
                                pattern: string;
                                replacement: string;
                            }[];
                            maxConcurrent: number;
                            rateLimitRequests: number;
                            rateLimitWindowMs: number;
                            timeoutMs: number;
                            syncIntervalSeconds: number;
                            scheduleId: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/iptv/providers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One IPTV provider */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "xtream" | "m3u";
                            name: string;
                            enabled: boolean;
                            baseUrl: string;
                            credentials: {
                                [key: string]: string;
                            };
                            credentialsError?: string;
                            categories: {
                                movies: boolean;
                                tvshows: boolean;
                            };
                            nameCleanup: {
                                pattern: string;
                                replacement: string;
                            }[];
                            maxConcurrent: number;
                            rateLimitRequests: number;
                            rateLimitWindowMs: number;
                            timeoutMs: number;
                            syncIntervalSeconds: number;
                            scheduleId: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Remove an IPTV provider, its catalogue and its schedule */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change an IPTV provider; applies to its next sync and to its schedule */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        enabled?: boolean;
                        /** Format: uri */
                        baseUrl?: string;
                        credentials?: {
                            [key: string]: string;
                        };
                        categories?: {
                            movies: boolean;
                            tvshows: boolean;
                        };
                        nameCleanup?: {
                            pattern: string;
                            replacement: string;
                        }[];
                        maxConcurrent?: number;
                        rateLimitRequests?: number;
                        rateLimitWindowMs?: number;
                        timeoutMs?: number;
                        syncIntervalSeconds?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "xtream" | "m3u";
                            name: string;
                            enabled: boolean;
                            baseUrl: string;
                            credentials: {
                                [key: string]: string;
                            };
                            credentialsError?: string;
                            categories: {
                                movies: boolean;
                                tvshows: boolean;
                            };
                            nameCleanup: {
                                pattern: string;
                                replacement: string;
                            }[];
                            maxConcurrent: number;
                            rateLimitRequests: number;
                            rateLimitWindowMs: number;
                            timeoutMs: number;
                            syncIntervalSeconds: number;
                            scheduleId: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/iptv/providers/{id}/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sync the catalogue now, or return the sync already running */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            syncId: string;
                            workflowId: string;
                            /**
                             * Format: uri
                             * @description The run in the Temporal Web UI
                             */
                            temporalUrl: string;
                            alreadyRunning: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/iptv/providers/{id}/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Titles added and removed by the provider’s syncs, newest first */
        get: {
            parameters: {
                query?: {
                    syncId?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            syncId: string;
                            titleKey: string;
                            name: string;
                            /** @enum {string} */
                            type: "movie" | "tv";
                            /** @enum {string} */
                            change: "added" | "removed";
                            /** Format: date-time */
                            at: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/iptv/titles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Catalogue titles as last synced: filter by provider, type and ignored */
        get: {
            parameters: {
                query?: {
                    provider?: string;
                    type?: "movie" | "tv";
                    ignored?: "true" | "false";
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total: number;
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                providerId: string;
                                titleKey: string;
                                /** @enum {string} */
                                type: "movie" | "tv";
                                name: string;
                                cleanedTitle: string;
                                year: number | null;
                                category: string | null;
                                tmdbId: number | null;
                                matchedBy: string | null;
                                matchedTitle: string | null;
                                /** @enum {string} */
                                matchState: "pending" | "matched" | "ignored";
                                ignored: boolean;
                                ignoredReason: string | null;
                                lastError: string | null;
                                streams: {
                                    movie?: string;
                                    episodes?: {
                                        [key: string]: string;
                                    };
                                };
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/movies/{id}/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run the Movie's pipeline now (enrich → publish → notify), ahead of background work; replaceUnreadableNfo: true lets it replace NFOs it cannot read */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        replaceUnreadableNfo?: boolean;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            workflowId: string;
                            /**
                             * Format: uri
                             * @description The run in the Temporal Web UI
                             */
                            temporalUrl: string;
                            seq?: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/movies/{id}/candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the last identification search offered, best first, with why none was accepted */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            identificationStatus: "unidentified" | "identified";
                            reason: string | null;
                            /** Format: date-time */
                            searchedAt: string | null;
                            candidates: {
                                externalIds: {
                                    tmdb?: number;
                                    imdb?: string;
                                    tvdb?: number;
                                    musicbrainz?: string;
                                };
                                title: string;
                                originalTitle?: string;
                                year?: number;
                                overview?: string;
                                posterUrl?: string;
                                confidence: number;
                                providers?: string[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/movies/{id}/identify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Identify the Movie by provider ids (a person's choice, kept by scans) and run its pipeline */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        tmdb?: number;
                        imdb?: string;
                        tvdb?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            workflowId: string;
                            /**
                             * Format: uri
                             * @description The run in the Temporal Web UI
                             */
                            temporalUrl: string;
                            seq?: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/movies/{id}/provider-assets/{assetId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Select or reject one artwork candidate (kept by later enrichment runs), or clear the choice */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    assetId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        choice: "select" | "reject" | "clear";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            assetType: string;
                            url: string;
                            isSelected: boolean;
                            isRejected: boolean;
                            /** @enum {string|null} */
                            selectedBy: "user" | "auto" | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shows/{id}/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run the Show's pipeline now (enrich → publish → notify), ahead of background work; replaceUnreadableNfo: true lets it replace NFOs it cannot read */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        replaceUnreadableNfo?: boolean;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            workflowId: string;
                            /**
                             * Format: uri
                             * @description The run in the Temporal Web UI
                             */
                            temporalUrl: string;
                            seq?: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shows/{id}/candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the last identification search offered, best first, with why none was accepted */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            identificationStatus: "unidentified" | "identified";
                            reason: string | null;
                            /** Format: date-time */
                            searchedAt: string | null;
                            candidates: {
                                externalIds: {
                                    tmdb?: number;
                                    imdb?: string;
                                    tvdb?: number;
                                    musicbrainz?: string;
                                };
                                title: string;
                                originalTitle?: string;
                                year?: number;
                                overview?: string;
                                posterUrl?: string;
                                confidence: number;
                                providers?: string[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shows/{id}/identify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Identify the Show by provider ids (a person's choice, kept by scans) and run its pipeline */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        tmdb?: number;
                        imdb?: string;
                        tvdb?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            workflowId: string;
                            /**
                             * Format: uri
                             * @description The run in the Temporal Web UI
                             */
                            temporalUrl: string;
                            seq?: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shows/{id}/provider-assets/{assetId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Select or reject one artwork candidate (kept by later enrichment runs), or clear the choice */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    assetId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        choice: "select" | "reject" | "clear";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            assetType: string;
                            url: string;
                            isSelected: boolean;
                            isRejected: boolean;
                            /** @enum {string|null} */
                            selectedBy: "user" | "auto" | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/libraries/{id}/path-mappings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A library's path mappings */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            libraryId: string;
                            remotePrefix: string;
                            localPrefix: string;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Add (or change) a remote → local prefix */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        remotePrefix: string;
                        localPrefix: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            libraryId: string;
                            remotePrefix: string;
                            localPrefix: string;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/libraries/{id}/path-mappings/{mappingId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a path mapping */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    mappingId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/radarr": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A Radarr webhook delivery */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            eventType: string;
                            outcome: string;
                            duplicate: boolean;
                            workflowId?: string;
                            /**
                             * Format: uri
                             * @description The run in the Temporal Web UI
                             */
                            temporalUrl?: string;
                            folderPath?: string;
                            titlesRemoved?: number;
                        };
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            eventType: string;
                            outcome: string;
                            duplicate: boolean;
                            workflowId?: string;
                            /**
                             * Format: uri
                             * @description The run in the Temporal Web UI
                             */
                            temporalUrl?: string;
                            folderPath?: string;
                            titlesRemoved?: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/sonarr": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A Sonarr webhook delivery */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            eventType: string;
                            outcome: string;
                            duplicate: boolean;
                            workflowId?: string;
                            /**
                             * Format: uri
                             * @description The run in the Temporal Web UI
                             */
                            temporalUrl?: string;
                            folderPath?: string;
                            titlesRemoved?: number;
                        };
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            eventType: string;
                            outcome: string;
                            duplicate: boolean;
                            workflowId?: string;
                            /**
                             * Format: uri
                             * @description The run in the Temporal Web UI
                             */
                            temporalUrl?: string;
                            folderPath?: string;
                            titlesRemoved?: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest deliveries and what they led to */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            source: "radarr" | "sonarr";
                            eventType: string;
                            eventKey: string;
                            outcome: string;
                            detail: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            receivedAt: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/quality-profiles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** All quality profiles */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            minResolution: number;
                            preferredResolution: number;
                            minSizeMb: number;
                            maxSizeMb: number;
                            rejectedWords: string[];
                            preferredWords: string[];
                            encode: {
                                /**
                                 * @default libx264
                                 * @enum {string}
                                 */
                                videoCodec: "libx264" | "libx265";
                                /** @default 22 */
                                crf: number;
                                /**
                                 * @default medium
                                 * @enum {string}
                                 */
                                preset: "ultrafast" | "superfast" | "veryfast" | "faster" | "fast" | "medium" | "slow" | "slower" | "veryslow";
                                /** @default 1080 */
                                maxHeight: number;
                                /**
                                 * @default aac
                                 * @enum {string}
                                 */
                                audioCodec: "aac" | "copy";
                                /** @default 160 */
                                audioBitrateKbps: number;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Create a quality profile */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @default 720 */
                        minResolution?: 480 | 576 | 720 | 1080 | 2160;
                        /** @default 1080 */
                        preferredResolution?: 480 | 576 | 720 | 1080 | 2160;
                        /** @default 0 */
                        minSizeMb?: number;
                        /** @default 20000 */
                        maxSizeMb?: number;
                        /** @default [] */
                        rejectedWords?: string[];
                        /** @default [] */
                        preferredWords?: string[];
                        /**
                         * @default {
                         *       "videoCodec": "libx264",
                         *       "crf": 22,
                         *       "preset": "medium",
                         *       "maxHeight": 1080,
                         *       "audioCodec": "aac",
                         *       "audioBitrateKbps": 160
                         *     }
                         */
                        encode?: {
                            /**
                             * @default libx264
                             * @enum {string}
                             */
                            videoCodec?: "libx264" | "libx265";
                            /** @default 22 */
                            crf?: number;
                            /**
                             * @default medium
                             * @enum {string}
                             */
                            preset?: "ultrafast" | "superfast" | "veryfast" | "faster" | "fast" | "medium" | "slow" | "slower" | "veryslow";
                            /** @default 1080 */
                            maxHeight?: number;
                            /**
                             * @default aac
                             * @enum {string}
                             */
                            audioCodec?: "aac" | "copy";
                            /** @default 160 */
                            audioBitrateKbps?: number;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            minResolution: number;
                            preferredResolution: number;
                            minSizeMb: number;
                            maxSizeMb: number;
                            rejectedWords: string[];
                            preferredWords: string[];
                            encode: {
                                /**
                                 * @default libx264
                                 * @enum {string}
                                 */
                                videoCodec: "libx264" | "libx265";
                                /** @default 22 */
                                crf: number;
                                /**
                                 * @default medium
                                 * @enum {string}
                                 */
                                preset: "ultrafast" | "superfast" | "veryfast" | "faster" | "fast" | "medium" | "slow" | "slower" | "veryslow";
                                /** @default 1080 */
                                maxHeight: number;
                                /**
                                 * @default aac
                                 * @enum {string}
                                 */
                                audioCodec: "aac" | "copy";
                                /** @default 160 */
                                audioBitrateKbps: number;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/quality-profiles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One quality profile */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            minResolution: number;
                            preferredResolution: number;
                            minSizeMb: number;
                            maxSizeMb: number;
                            rejectedWords: string[];
                            preferredWords: string[];
                            encode: {
                                /**
                                 * @default libx264
                                 * @enum {string}
                                 */
                                videoCodec: "libx264" | "libx265";
                                /** @default 22 */
                                crf: number;
                                /**
                                 * @default medium
                                 * @enum {string}
                                 */
                                preset: "ultrafast" | "superfast" | "veryfast" | "faster" | "fast" | "medium" | "slow" | "slower" | "veryslow";
                                /** @default 1080 */
                                maxHeight: number;
                                /**
                                 * @default aac
                                 * @enum {string}
                                 */
                                audioCodec: "aac" | "copy";
                                /** @default 160 */
                                audioBitrateKbps: number;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a quality profile no request uses */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a quality profile (applies to searches and encodes that start afterwards) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /** @default 720 */
                        minResolution?: 480 | 576 | 720 | 1080 | 2160;
                        /** @default 1080 */
                        preferredResolution?: 480 | 576 | 720 | 1080 | 2160;
                        /** @default 0 */
                        minSizeMb?: number;
                        /** @default 20000 */
                        maxSizeMb?: number;
                        /** @default [] */
                        rejectedWords?: string[];
                        /** @default [] */
                        preferredWords?: string[];
                        /**
                         * @default {
                         *       "videoCodec": "libx264",
                         *       "crf": 22,
                         *       "preset": "medium",
                         *       "maxHeight": 1080,
                         *       "audioCodec": "aac",
                         *       "audioBitrateKbps": 160
                         *     }
                         */
                        encode?: {
                            /**
                             * @default libx264
                             * @enum {string}
                             */
                            videoCodec?: "libx264" | "libx265";
                            /** @default 22 */
                            crf?: number;
                            /**
                             * @default medium
                             * @enum {string}
                             */
                            preset?: "ultrafast" | "superfast" | "veryfast" | "faster" | "fast" | "medium" | "slow" | "slower" | "veryslow";
                            /** @default 1080 */
                            maxHeight?: number;
                            /**
                             * @default aac
                             * @enum {string}
                             */
                            audioCodec?: "aac" | "copy";
                            /** @default 160 */
                            audioBitrateKbps?: number;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            minResolution: number;
                            preferredResolution: number;
                            minSizeMb: number;
                            maxSizeMb: number;
                            rejectedWords: string[];
                            preferredWords: string[];
                            encode: {
                                /**
                                 * @default libx264
                                 * @enum {string}
                                 */
                                videoCodec: "libx264" | "libx265";
                                /** @default 22 */
                                crf: number;
                                /**
                                 * @default medium
                                 * @enum {string}
                                 */
                                preset: "ultrafast" | "superfast" | "veryfast" | "faster" | "fast" | "medium" | "slow" | "slower" | "veryslow";
                                /** @default 1080 */
                                maxHeight: number;
                                /**
                                 * @default aac
                                 * @enum {string}
                                 */
                                audioCodec: "aac" | "copy";
                                /** @default 160 */
                                audioBitrateKbps: number;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/delivery-targets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** All delivery targets */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @enum {string} */
                            kind: "local" | "rsync";
                            path: string;
                            /** Format: uuid */
                            libraryId: string | null;
                            recycleFolder: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Create a delivery target */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /**
                         * @default local
                         * @enum {string}
                         */
                        kind?: "local" | "rsync";
                        path: string;
                        /**
                         * Format: uuid
                         * @default null
                         */
                        libraryId?: string | null;
                        recycleFolder?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @enum {string} */
                            kind: "local" | "rsync";
                            path: string;
                            /** Format: uuid */
                            libraryId: string | null;
                            recycleFolder: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/delivery-targets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One delivery target */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @enum {string} */
                            kind: "local" | "rsync";
                            path: string;
                            /** Format: uuid */
                            libraryId: string | null;
                            recycleFolder: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a delivery target */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a delivery target */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /**
                         * @default local
                         * @enum {string}
                         */
                        kind?: "local" | "rsync";
                        path?: string;
                        /**
                         * Format: uuid
                         * @default null
                         */
                        libraryId?: string | null;
                        recycleFolder?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @enum {string} */
                            kind: "local" | "rsync";
                            path: string;
                            /** Format: uuid */
                            libraryId: string | null;
                            recycleFolder: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Requests, newest first, with their item counts; filtered by status, type and title */
        get: {
            parameters: {
                query?: {
                    status?: string | string[];
                    type?: "movie" | "tv";
                    q?: string;
                    page?: number;
                    pageSize?: number;
                    sortKey?: "createdAt" | "updatedAt" | "title" | "status";
                    sortDirection?: "ascending" | "descending";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            page: number;
                            pageSize: number;
                            /** @enum {string} */
                            sortKey: "createdAt" | "updatedAt" | "title" | "status";
                            /** @enum {string} */
                            sortDirection: "ascending" | "descending";
                            totalRecords: number;
                            records: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                type: "movie" | "tv";
                                tmdbId: number | null;
                                tvdbId: number | null;
                                imdbId: string | null;
                                title: string | null;
                                year: number | null;
                                seasons: number[];
                                episodes: {
                                    season: number;
                                    episode: number;
                                }[];
                                /** Format: uuid */
                                qualityProfileId: string;
                                targetIds: string[];
                                requireApproval: boolean;
                                /** @enum {string} */
                                monitor: "none" | "existing" | "future" | "all";
                                /** @enum {string} */
                                status: "PENDING" | "PROCESSING" | "COMPLETED" | "PARTIAL" | "FAILED" | "CANCELLED";
                                workflowId: string;
                                /**
                                 * Format: uri
                                 * @description The run in the Temporal Web UI
                                 */
                                temporalUrl: string;
                                lastError: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                aggregates: {
                                    byStatus: {
                                        PENDING: number;
                                        AWAITING: number;
                                        SEARCHING: number;
                                        FOUND: number;
                                        DOWNLOADING: number;
                                        DOWNLOADED: number;
                                        ENCODING: number;
                                        ENCODED: number;
                                        DELIVERING: number;
                                        COMPLETED: number;
                                        FAILED: number;
                                        CANCELLED: number;
                                    };
                                    total: number;
                                    completed: number;
                                    failed: number;
                                    cancelled: number;
                                    active: number;
                                };
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Request a movie or TV episodes */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        type: "movie" | "tv";
                        tmdbId?: number;
                        tvdbId?: number;
                        imdbId?: string;
                        title?: string;
                        year?: number;
                        /** @default [] */
                        seasons?: number[];
                        /** @default [] */
                        episodes?: {
                            season: number;
                            episode: number;
                        }[];
                        /** Format: uuid */
                        qualityProfileId: string;
                        targetIds: string[];
                        /** @default false */
                        requireApproval?: boolean;
                        approvalTimeoutSeconds?: number;
                        /** @enum {string} */
                        approvalAutoAction?: "approve" | "reject" | "cancel";
                        /** @enum {string} */
                        monitor?: "none" | "existing" | "future" | "all";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            type: "movie" | "tv";
                            tmdbId: number | null;
                            tvdbId: number | null;
                            imdbId: string | null;
                            title: string | null;
                            year: number | null;
                            seasons: number[];
                            episodes: {
                                season: number;
                                episode: number;
                            }[];
                            /** Format: uuid */
                            qualityProfileId: string;
                            targetIds: string[];
                            requireApproval: boolean;
                            /** @enum {string} */
                            monitor: "none" | "existing" | "future" | "all";
                            /** @enum {string} */
                            status: "PENDING" | "PROCESSING" | "COMPLETED" | "PARTIAL" | "FAILED" | "CANCELLED";
                            workflowId: string;
                            /**
                             * Format: uri
                             * @description The run in the Temporal Web UI
                             */
                            temporalUrl: string;
                            lastError: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            aggregates: {
                                byStatus: {
                                    PENDING: number;
                                    AWAITING: number;
                                    SEARCHING: number;
                                    FOUND: number;
                                    DOWNLOADING: number;
                                    DOWNLOADED: number;
                                    ENCODING: number;
                                    ENCODED: number;
                                    DELIVERING: number;
                                    COMPLETED: number;
                                    FAILED: number;
                                    CANCELLED: number;
                                };
                                total: number;
                                completed: number;
                                failed: number;
                                cancelled: number;
                                active: number;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A request with its item counts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            type: "movie" | "tv";
                            tmdbId: number | null;
                            tvdbId: number | null;
                            imdbId: string | null;
                            title: string | null;
                            year: number | null;
                            seasons: number[];
                            episodes: {
                                season: number;
                                episode: number;
                            }[];
                            /** Format: uuid */
                            qualityProfileId: string;
                            targetIds: string[];
                            requireApproval: boolean;
                            /** @enum {string} */
                            monitor: "none" | "existing" | "future" | "all";
                            /** @enum {string} */
                            status: "PENDING" | "PROCESSING" | "COMPLETED" | "PARTIAL" | "FAILED" | "CANCELLED";
                            workflowId: string;
                            /**
                             * Format: uri
                             * @description The run in the Temporal Web UI
                             */
                            temporalUrl: string;
                            lastError: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            aggregates: {
                                byStatus: {
                                    PENDING: number;
                                    AWAITING: number;
                                    SEARCHING: number;
                                    FOUND: number;
                                    DOWNLOADING: number;
                                    DOWNLOADED: number;
                                    ENCODING: number;
                                    ENCODED: number;
                                    DELIVERING: number;
                                    COMPLETED: number;
                                    FAILED: number;
                                    CANCELLED: number;
                                };
                                total: number;
                                completed: number;
                                failed: number;
                                cancelled: number;
                                active: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/requests/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a request: every unfinished item is cancelled, its torrent and temporary files removed */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            type: "movie" | "tv";
                            tmdbId: number | null;
                            tvdbId: number | null;
                            imdbId: string | null;
                            title: string | null;
                            year: number | null;
                            seasons: number[];
                            episodes: {
                                season: number;
                                episode: number;
                            }[];
                            /** Format: uuid */
                            qualityProfileId: string;
                            targetIds: string[];
                            requireApproval: boolean;
                            /** @enum {string} */
                            monitor: "none" | "existing" | "future" | "all";
                            /** @enum {string} */
                            status: "PENDING" | "PROCESSING" | "COMPLETED" | "PARTIAL" | "FAILED" | "CANCELLED";
                            workflowId: string;
                            /**
                             * Format: uri
                             * @description The run in the Temporal Web UI
                             */
                            temporalUrl: string;
                            lastError: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            aggregates: {
                                byStatus: {
                                    PENDING: number;
                                    AWAITING: number;
                                    SEARCHING: number;
                                    FOUND: number;
                                    DOWNLOADING: number;
                                    DOWNLOADED: number;
                                    ENCODING: number;
                                    ENCODED: number;
                                    DELIVERING: number;
                                    COMPLETED: number;
                                    FAILED: number;
                                    CANCELLED: number;
                                };
                                total: number;
                                completed: number;
                                failed: number;
                                cancelled: number;
                                active: number;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/requests/{id}/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A request's processing items, with live detail for active ones */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            requestId: string;
                            workflowId: string;
                            /**
                             * Format: uri
                             * @description The run in the Temporal Web UI
                             */
                            temporalUrl: string;
                            seasonNumber: number;
                            episodeNumber: number;
                            title: string | null;
                            /** @enum {string} */
                            status: "PENDING" | "AWAITING" | "SEARCHING" | "FOUND" | "DOWNLOADING" | "DOWNLOADED" | "ENCODING" | "ENCODED" | "DELIVERING" | "COMPLETED" | "FAILED" | "CANCELLED";
                            failedStep: string | null;
                            airDate: string | null;
                            sourceFilePath: string | null;
                            encodedFilePath: string | null;
                            deliveredPaths: string[];
                            recycledFiles: {
                                location: string;
                                keptAt: string;
                                at: string;
                            }[];
                            torrentHash: string | null;
                            selectedRelease: {
                                guid: string;
                                title: string;
                                indexer: string;
                                infoHash?: string;
                                sizeBytes: number;
                                seeders: number;
                                resolution?: number;
                                seasonPack: boolean;
                                score: number;
                                accepted: boolean;
                                rejections: string[];
                            } | null;
                            availableReleases: {
                                guid: string;
                                title: string;
                                indexer: string;
                                infoHash?: string;
                                sizeBytes: number;
                                seeders: number;
                                resolution?: number;
                                seasonPack: boolean;
                                score: number;
                                accepted: boolean;
                                rejections: string[];
                            }[];
                            qualityMet: boolean | null;
                            /** Format: date-time */
                            upgradeUntil: string | null;
                            progress: number;
                            lastError: string | null;
                            /** Format: date-time */
                            downloadedAt: string | null;
                            /** Format: date-time */
                            encodedAt: string | null;
                            /** Format: date-time */
                            deliveredAt: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                            live: {
                                step: string;
                                waitingFor: string | null;
                                waitUntil: string | null;
                                activity: {
                                    type: string;
                                    attempt: number;
                                    percent: number | null;
                                    bytesPerSecond: number | null;
                                    speed: number | null;
                                    state: string | null;
                                } | null;
                                /** @description The step's activity failed and is retried until `until` before the item becomes FAILED */
                                retrying: {
                                    step: string;
                                    attempt: number;
                                    lastError: string;
                                    until: string | null;
                                } | null;
                            } | null;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Processing items of every request, newest first; filtered by status, step, what they wait for and request */
        get: {
            parameters: {
                query?: {
                    status?: string | string[];
                    step?: string | string[];
                    waitingFor?: string | string[];
                    requestId?: string;
                    page?: number;
                    pageSize?: number;
                    sortKey?: "createdAt" | "updatedAt" | "status" | "progress" | "episode";
                    sortDirection?: "ascending" | "descending";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            page: number;
                            pageSize: number;
                            /** @enum {string} */
                            sortKey: "createdAt" | "updatedAt" | "status" | "progress" | "episode";
                            /** @enum {string} */
                            sortDirection: "ascending" | "descending";
                            totalRecords: number;
                            records: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                requestId: string;
                                workflowId: string;
                                /**
                                 * Format: uri
                                 * @description The run in the Temporal Web UI
                                 */
                                temporalUrl: string;
                                seasonNumber: number;
                                episodeNumber: number;
                                title: string | null;
                                /** @enum {string} */
                                status: "PENDING" | "AWAITING" | "SEARCHING" | "FOUND" | "DOWNLOADING" | "DOWNLOADED" | "ENCODING" | "ENCODED" | "DELIVERING" | "COMPLETED" | "FAILED" | "CANCELLED";
                                failedStep: string | null;
                                airDate: string | null;
                                progress: number;
                                lastError: string | null;
                                /** Format: date-time */
                                downloadedAt: string | null;
                                /** Format: date-time */
                                encodedAt: string | null;
                                /** Format: date-time */
                                deliveredAt: string | null;
                                /** Format: date-time */
                                upgradeUntil: string | null;
                                /** Format: date-time */
                                updatedAt: string;
                                /** @enum {string} */
                                requestType: "movie" | "tv";
                                requestTitle: string | null;
                                /** @enum {string} */
                                step: "air-date" | "search" | "approval" | "download" | "encode" | "deliver" | "done";
                                /** @enum {string|null} */
                                waitingFor: "airDate" | "release" | "approval" | "encoder" | "retry" | null;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/items/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve the release found for an item */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            itemId: string;
                            /** @enum {string} */
                            status: "PENDING" | "AWAITING" | "SEARCHING" | "FOUND" | "DOWNLOADING" | "DOWNLOADED" | "ENCODING" | "ENCODED" | "DELIVERING" | "COMPLETED" | "FAILED" | "CANCELLED";
                            /**
                             * Format: uri
                             * @description The run in the Temporal Web UI
                             */
                            temporalUrl: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/items/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject the release found for an item; the next acceptable one is looked for */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            itemId: string;
                            /** @enum {string} */
                            status: "PENDING" | "AWAITING" | "SEARCHING" | "FOUND" | "DOWNLOADING" | "DOWNLOADED" | "ENCODING" | "ENCODED" | "DELIVERING" | "COMPLETED" | "FAILED" | "CANCELLED";
                            /**
                             * Format: uri
                             * @description The run in the Temporal Web UI
                             */
                            temporalUrl: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/items/{id}/select-release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Choose one of the item's releases by its guid: at the approval wait it is the approved release, while the search waits it is taken at once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        guid: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            itemId: string;
                            /** @enum {string} */
                            status: "PENDING" | "AWAITING" | "SEARCHING" | "FOUND" | "DOWNLOADING" | "DOWNLOADED" | "ENCODING" | "ENCODED" | "DELIVERING" | "COMPLETED" | "FAILED" | "CANCELLED";
                            /**
                             * Format: uri
                             * @description The run in the Temporal Web UI
                             */
                            temporalUrl: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/items/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retry a FAILED item from the step that failed */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            itemId: string;
                            /** @enum {string} */
                            status: "PENDING" | "AWAITING" | "SEARCHING" | "FOUND" | "DOWNLOADING" | "DOWNLOADED" | "ENCODING" | "ENCODED" | "DELIVERING" | "COMPLETED" | "FAILED" | "CANCELLED";
                            /**
                             * Format: uri
                             * @description The run in the Temporal Web UI
                             */
                            temporalUrl: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/items/{id}/search-now": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the wait for an air date, for the next search or for the next upgrade search, and search now */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            itemId: string;
                            /** @enum {string} */
                            status: "PENDING" | "AWAITING" | "SEARCHING" | "FOUND" | "DOWNLOADING" | "DOWNLOADED" | "ENCODING" | "ENCODED" | "DELIVERING" | "COMPLETED" | "FAILED" | "CANCELLED";
                            /**
                             * Format: uri
                             * @description The run in the Temporal Web UI
                             */
                            temporalUrl: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/items/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel an item: its torrent and temporary files are removed; a delivered item looking for an upgrade stops looking and keeps its file */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            itemId: string;
                            /** @enum {string} */
                            status: "PENDING" | "AWAITING" | "SEARCHING" | "FOUND" | "DOWNLOADING" | "DOWNLOADED" | "ENCODING" | "ENCODED" | "DELIVERING" | "COMPLETED" | "FAILED" | "CANCELLED";
                            /**
                             * Format: uri
                             * @description The run in the Temporal Web UI
                             */
                            temporalUrl: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/blocklist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Releases a person rejected, one page at a time */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    sortKey?: "createdAt" | "title";
                    sortDirection?: "ascending" | "descending";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            page: number;
                            pageSize: number;
                            /** @enum {string} */
                            sortKey: "createdAt" | "title";
                            /** @enum {string} */
                            sortDirection: "ascending" | "descending";
                            totalRecords: number;
                            records: {
                                /** Format: uuid */
                                id: string;
                                title: string;
                                indexer: string;
                                guid: string;
                                infoHash: string | null;
                                /** Format: uuid */
                                itemId: string;
                                /** Format: uuid */
                                requestId: string;
                                reason: string;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/blocklist/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a release from the blocklist: later searches may take it again */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/indexers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Indexers, highest priority first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            url: string;
                            hasApiKey: boolean;
                            categories: number[];
                            priority: number;
                            enabled: boolean;
                            /** @enum {string} */
                            managedBy: "api" | "prowlarr" | "env";
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Add a Torznab indexer */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        url: string;
                        apiKey?: string | null;
                        categories?: number[];
                        priority?: number;
                        enabled?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            url: string;
                            hasApiKey: boolean;
                            categories: number[];
                            priority: number;
                            enabled: boolean;
                            /** @enum {string} */
                            managedBy: "api" | "prowlarr" | "env";
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/indexers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One indexer */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            url: string;
                            hasApiKey: boolean;
                            categories: number[];
                            priority: number;
                            enabled: boolean;
                            /** @enum {string} */
                            managedBy: "api" | "prowlarr" | "env";
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Remove an indexer */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change an indexer (apiKey null removes the key) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        url?: string;
                        apiKey?: string | null;
                        categories?: number[];
                        priority?: number;
                        enabled?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            url: string;
                            hasApiKey: boolean;
                            categories: number[];
                            priority: number;
                            enabled: boolean;
                            /** @enum {string} */
                            managedBy: "api" | "prowlarr" | "env";
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/indexers/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask the indexer for its caps (t=caps): reachable, key accepted, what it searches */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                            error?: string;
                            tvSearch?: boolean;
                            movieSearch?: boolean;
                            categories?: number[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/system/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Radarr/Sonarr system status (a connection test reads it) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            appName: string;
                            instanceName: string;
                            /** @description Sonarr ≥ 4 / Radarr ≥ 4.0.4, as Seerr and Prowlarr check it */
                            version: string;
                            /** @description ISO 8601 date and time */
                            buildTime: string;
                            isDebug: boolean;
                            isProduction: boolean;
                            isAdmin: boolean;
                            isUserInteractive: boolean;
                            startupPath: string;
                            appData: string;
                            osName: string;
                            osVersion: string;
                            isNetCore: boolean;
                            isMono: boolean;
                            isLinux: boolean;
                            isOsx: boolean;
                            isWindows: boolean;
                            isDocker: boolean;
                            mode: string;
                            branch: string;
                            authentication: string;
                            sqliteVersion: string;
                            migrationVersion: number;
                            urlBase: string;
                            runtimeVersion: string;
                            runtimeName: string;
                            /** @description ISO 8601 date and time */
                            startTime: string;
                            packageUpdateMechanism: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/qualityProfile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reelflow quality profiles as Radarr/Sonarr quality profiles */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": ({
                            id: number;
                            name: string;
                            upgradeAllowed: boolean;
                            cutoff: number;
                            /** @description empty: a Reelflow profile chooses by resolution, not by quality list */
                            items: {
                                [key: string]: unknown;
                            }[];
                            minFormatScore: number;
                            cutoffFormatScore: number;
                            formatItems: {
                                [key: string]: unknown;
                            }[];
                            language: {
                                id: number;
                                name: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/qualityprofile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reelflow quality profiles as Radarr/Sonarr quality profiles */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": ({
                            id: number;
                            name: string;
                            upgradeAllowed: boolean;
                            cutoff: number;
                            /** @description empty: a Reelflow profile chooses by resolution, not by quality list */
                            items: {
                                [key: string]: unknown;
                            }[];
                            minFormatScore: number;
                            cutoffFormatScore: number;
                            formatItems: {
                                [key: string]: unknown;
                            }[];
                            language: {
                                id: number;
                                name: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/rootfolder": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Delivery targets as Radarr/Sonarr root folders */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": ({
                            id: number;
                            path: string;
                            accessible: boolean;
                            freeSpace: number;
                            totalSpace: number;
                            unmappedFolders: ({
                                name: string;
                                path: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                        } & {
                            [key: string]: unknown;
                        })[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/tag": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tags */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": ({
                            id: number;
                            label: string;
                        } & {
                            [key: string]: unknown;
                        })[];
                    };
                };
            };
        };
        put?: never;
        /** Create a tag (or answer the one with that label) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        label: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            label: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/languageprofile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sonarr v3 language profiles: one, "Any" */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": ({
                            id: number;
                            name: string;
                            upgradeAllowed: boolean;
                            cutoff: {
                                id: number;
                                name: string;
                            } & {
                                [key: string]: unknown;
                            };
                            languages: ({
                                language: {
                                    id: number;
                                    name: string;
                                } & {
                                    [key: string]: unknown;
                                };
                                allowed: boolean;
                            } & {
                                [key: string]: unknown;
                            })[];
                        } & {
                            [key: string]: unknown;
                        })[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/languageProfile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sonarr v3 language profiles: one, "Any" */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": ({
                            id: number;
                            name: string;
                            upgradeAllowed: boolean;
                            cutoff: {
                                id: number;
                                name: string;
                            } & {
                                [key: string]: unknown;
                            };
                            languages: ({
                                language: {
                                    id: number;
                                    name: string;
                                } & {
                                    [key: string]: unknown;
                                };
                                allowed: boolean;
                            } & {
                                [key: string]: unknown;
                            })[];
                        } & {
                            [key: string]: unknown;
                        })[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/language": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Languages (Sonarr v4 / Radarr) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": ({
                            id: number;
                            name: string;
                            nameLower: string;
                        } & {
                            [key: string]: unknown;
                        })[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/movie/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Radarr movie lookup: term tmdb:<id>, imdb:<id> or words */
        get: {
            parameters: {
                query?: {
                    term?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": ({
                            /** @description absent on a lookup result that is not added */
                            id?: number;
                            title: string;
                            sortTitle: string;
                            year: number;
                            tmdbId: number;
                            imdbId?: string;
                            titleSlug: string;
                            overview: string;
                            images: ({
                                /** @description poster, fanart, banner, … */
                                coverType: string;
                                url: string;
                                remoteUrl: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            remotePoster?: string;
                            genres: string[];
                            runtime: number;
                            /** @description MovieStatusType: tba, announced, inCinemas, released, deleted */
                            status: string;
                            minimumAvailability: string;
                            isAvailable: boolean;
                            folderName: string;
                            path?: string;
                            rootFolderPath?: string;
                            /** @description 0 on a lookup result that is not added */
                            qualityProfileId: number;
                            profileId?: number;
                            monitored: boolean;
                            hasFile: boolean;
                            sizeOnDisk: number;
                            movieFile?: {
                                id: number;
                                movieId: number;
                                relativePath: string;
                                path: string;
                                size: number;
                                /** @description ISO 8601 date and time */
                                dateAdded?: string;
                            } & {
                                [key: string]: unknown;
                            };
                            statistics: {
                                movieFileCount: number;
                                sizeOnDisk: number;
                                releaseGroups: string[];
                            } & {
                                [key: string]: unknown;
                            };
                            tags: number[];
                            /** @description ISO 8601 date and time */
                            added: string;
                        } & {
                            [key: string]: unknown;
                        })[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/series/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sonarr series lookup: term tvdb:<id>, tmdb:<id>, imdb:<id> or words */
        get: {
            parameters: {
                query?: {
                    term?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": ({
                            /** @description absent on a lookup result that is not added */
                            id?: number;
                            title: string;
                            sortTitle: string;
                            cleanTitle: string;
                            /** @description SeriesStatusType: continuing, ended, upcoming, deleted */
                            status: string;
                            overview: string;
                            images: ({
                                /** @description poster, fanart, banner, … */
                                coverType: string;
                                url: string;
                                remoteUrl: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            remotePoster?: string;
                            seasons: ({
                                seasonNumber: number;
                                monitored: boolean;
                                statistics: {
                                    episodeFileCount: number;
                                    episodeCount: number;
                                    totalEpisodeCount: number;
                                    sizeOnDisk: number;
                                    percentOfEpisodes: number;
                                } & {
                                    [key: string]: unknown;
                                };
                            } & {
                                [key: string]: unknown;
                            })[];
                            year: number;
                            path?: string;
                            rootFolderPath?: string;
                            /** @description 0 on a lookup result that is not added */
                            qualityProfileId: number;
                            profileId?: number;
                            languageProfileId: number;
                            seasonFolder: boolean;
                            monitored: boolean;
                            useSceneNumbering: boolean;
                            runtime: number;
                            tvdbId: number;
                            tvRageId: number;
                            tvMazeId: number;
                            tmdbId?: number;
                            imdbId?: string;
                            titleSlug: string;
                            /** @description standard, daily, anime */
                            seriesType: string;
                            genres: string[];
                            tags: number[];
                            ratings: {
                                votes: number;
                                value: number;
                            } & {
                                [key: string]: unknown;
                            };
                            /** @description ISO 8601 date and time */
                            added: string;
                            statistics: {
                                seasonCount: number;
                                episodeFileCount: number;
                                episodeCount: number;
                                totalEpisodeCount: number;
                                sizeOnDisk: number;
                                releaseGroups: string[];
                                percentOfEpisodes: number;
                            } & {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/movie": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Movies added through this API, with their progress */
        get: {
            parameters: {
                query?: {
                    tmdbId?: number;
                    tvdbId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": ({
                            /** @description absent on a lookup result that is not added */
                            id?: number;
                            title: string;
                            sortTitle: string;
                            year: number;
                            tmdbId: number;
                            imdbId?: string;
                            titleSlug: string;
                            overview: string;
                            images: ({
                                /** @description poster, fanart, banner, … */
                                coverType: string;
                                url: string;
                                remoteUrl: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            remotePoster?: string;
                            genres: string[];
                            runtime: number;
                            /** @description MovieStatusType: tba, announced, inCinemas, released, deleted */
                            status: string;
                            minimumAvailability: string;
                            isAvailable: boolean;
                            folderName: string;
                            path?: string;
                            rootFolderPath?: string;
                            /** @description 0 on a lookup result that is not added */
                            qualityProfileId: number;
                            profileId?: number;
                            monitored: boolean;
                            hasFile: boolean;
                            sizeOnDisk: number;
                            movieFile?: {
                                id: number;
                                movieId: number;
                                relativePath: string;
                                path: string;
                                size: number;
                                /** @description ISO 8601 date and time */
                                dateAdded?: string;
                            } & {
                                [key: string]: unknown;
                            };
                            statistics: {
                                movieFileCount: number;
                                sizeOnDisk: number;
                                releaseGroups: string[];
                            } & {
                                [key: string]: unknown;
                            };
                            tags: number[];
                            /** @description ISO 8601 date and time */
                            added: string;
                        } & {
                            [key: string]: unknown;
                        })[];
                    };
                };
            };
        };
        /** Update a movie: monitoring it again requests it again */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        qualityProfileId?: number;
                        profileId?: number;
                        rootFolderPath?: string;
                        path?: string;
                        /** @default true */
                        monitored?: boolean;
                        /** @default [] */
                        tags?: number[];
                        title?: string;
                        year?: number;
                        id?: number;
                        tmdbId?: number;
                        addOptions?: {
                            searchForMovie?: boolean;
                        } & {
                            [key: string]: unknown;
                        };
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description absent on a lookup result that is not added */
                            id?: number;
                            title: string;
                            sortTitle: string;
                            year: number;
                            tmdbId: number;
                            imdbId?: string;
                            titleSlug: string;
                            overview: string;
                            images: ({
                                /** @description poster, fanart, banner, … */
                                coverType: string;
                                url: string;
                                remoteUrl: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            remotePoster?: string;
                            genres: string[];
                            runtime: number;
                            /** @description MovieStatusType: tba, announced, inCinemas, released, deleted */
                            status: string;
                            minimumAvailability: string;
                            isAvailable: boolean;
                            folderName: string;
                            path?: string;
                            rootFolderPath?: string;
                            /** @description 0 on a lookup result that is not added */
                            qualityProfileId: number;
                            profileId?: number;
                            monitored: boolean;
                            hasFile: boolean;
                            sizeOnDisk: number;
                            movieFile?: {
                                id: number;
                                movieId: number;
                                relativePath: string;
                                path: string;
                                size: number;
                                /** @description ISO 8601 date and time */
                                dateAdded?: string;
                            } & {
                                [key: string]: unknown;
                            };
                            statistics: {
                                movieFileCount: number;
                                sizeOnDisk: number;
                                releaseGroups: string[];
                            } & {
                                [key: string]: unknown;
                            };
                            tags: number[];
                            /** @description ISO 8601 date and time */
                            added: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        /** Add a movie: a monitored one becomes a Reelflow request */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        qualityProfileId?: number;
                        profileId?: number;
                        rootFolderPath?: string;
                        path?: string;
                        /** @default true */
                        monitored?: boolean;
                        /** @default [] */
                        tags?: number[];
                        title?: string;
                        year?: number;
                        id?: number;
                        tmdbId?: number;
                        addOptions?: {
                            searchForMovie?: boolean;
                        } & {
                            [key: string]: unknown;
                        };
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description absent on a lookup result that is not added */
                            id?: number;
                            title: string;
                            sortTitle: string;
                            year: number;
                            tmdbId: number;
                            imdbId?: string;
                            titleSlug: string;
                            overview: string;
                            images: ({
                                /** @description poster, fanart, banner, … */
                                coverType: string;
                                url: string;
                                remoteUrl: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            remotePoster?: string;
                            genres: string[];
                            runtime: number;
                            /** @description MovieStatusType: tba, announced, inCinemas, released, deleted */
                            status: string;
                            minimumAvailability: string;
                            isAvailable: boolean;
                            folderName: string;
                            path?: string;
                            rootFolderPath?: string;
                            /** @description 0 on a lookup result that is not added */
                            qualityProfileId: number;
                            profileId?: number;
                            monitored: boolean;
                            hasFile: boolean;
                            sizeOnDisk: number;
                            movieFile?: {
                                id: number;
                                movieId: number;
                                relativePath: string;
                                path: string;
                                size: number;
                                /** @description ISO 8601 date and time */
                                dateAdded?: string;
                            } & {
                                [key: string]: unknown;
                            };
                            statistics: {
                                movieFileCount: number;
                                sizeOnDisk: number;
                                releaseGroups: string[];
                            } & {
                                [key: string]: unknown;
                            };
                            tags: number[];
                            /** @description ISO 8601 date and time */
                            added: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": ({
                            propertyName: string;
                            errorMessage: string;
                            attemptedValue?: unknown;
                            severity: string;
                            errorCode?: string;
                            isWarning?: boolean;
                        } & {
                            [key: string]: unknown;
                        })[] | ({
                            statusCode: number;
                            error: string;
                            message: string;
                        } & {
                            [key: string]: unknown;
                        });
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/series": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Series added through this API, with their progress */
        get: {
            parameters: {
                query?: {
                    tmdbId?: number;
                    tvdbId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": ({
                            /** @description absent on a lookup result that is not added */
                            id?: number;
                            title: string;
                            sortTitle: string;
                            cleanTitle: string;
                            /** @description SeriesStatusType: continuing, ended, upcoming, deleted */
                            status: string;
                            overview: string;
                            images: ({
                                /** @description poster, fanart, banner, … */
                                coverType: string;
                                url: string;
                                remoteUrl: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            remotePoster?: string;
                            seasons: ({
                                seasonNumber: number;
                                monitored: boolean;
                                statistics: {
                                    episodeFileCount: number;
                                    episodeCount: number;
                                    totalEpisodeCount: number;
                                    sizeOnDisk: number;
                                    percentOfEpisodes: number;
                                } & {
                                    [key: string]: unknown;
                                };
                            } & {
                                [key: string]: unknown;
                            })[];
                            year: number;
                            path?: string;
                            rootFolderPath?: string;
                            /** @description 0 on a lookup result that is not added */
                            qualityProfileId: number;
                            profileId?: number;
                            languageProfileId: number;
                            seasonFolder: boolean;
                            monitored: boolean;
                            useSceneNumbering: boolean;
                            runtime: number;
                            tvdbId: number;
                            tvRageId: number;
                            tvMazeId: number;
                            tmdbId?: number;
                            imdbId?: string;
                            titleSlug: string;
                            /** @description standard, daily, anime */
                            seriesType: string;
                            genres: string[];
                            tags: number[];
                            ratings: {
                                votes: number;
                                value: number;
                            } & {
                                [key: string]: unknown;
                            };
                            /** @description ISO 8601 date and time */
                            added: string;
                            statistics: {
                                seasonCount: number;
                                episodeFileCount: number;
                                episodeCount: number;
                                totalEpisodeCount: number;
                                sizeOnDisk: number;
                                releaseGroups: string[];
                                percentOfEpisodes: number;
                            } & {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        })[];
                    };
                };
            };
        };
        /** Update a series: newly monitored seasons become a request */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        qualityProfileId?: number;
                        profileId?: number;
                        rootFolderPath?: string;
                        path?: string;
                        /** @default true */
                        monitored?: boolean;
                        /** @default [] */
                        tags?: number[];
                        title?: string;
                        year?: number;
                        id?: number;
                        tvdbId?: number;
                        /** @default [] */
                        seasons?: ({
                            seasonNumber: number;
                            monitored: boolean;
                        } & {
                            [key: string]: unknown;
                        })[];
                        addOptions?: {
                            searchForMissingEpisodes?: boolean;
                            ignoreEpisodesWithFiles?: boolean;
                        } & {
                            [key: string]: unknown;
                        };
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description absent on a lookup result that is not added */
                            id?: number;
                            title: string;
                            sortTitle: string;
                            cleanTitle: string;
                            /** @description SeriesStatusType: continuing, ended, upcoming, deleted */
                            status: string;
                            overview: string;
                            images: ({
                                /** @description poster, fanart, banner, … */
                                coverType: string;
                                url: string;
                                remoteUrl: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            remotePoster?: string;
                            seasons: ({
                                seasonNumber: number;
                                monitored: boolean;
                                statistics: {
                                    episodeFileCount: number;
                                    episodeCount: number;
                                    totalEpisodeCount: number;
                                    sizeOnDisk: number;
                                    percentOfEpisodes: number;
                                } & {
                                    [key: string]: unknown;
                                };
                            } & {
                                [key: string]: unknown;
                            })[];
                            year: number;
                            path?: string;
                            rootFolderPath?: string;
                            /** @description 0 on a lookup result that is not added */
                            qualityProfileId: number;
                            profileId?: number;
                            languageProfileId: number;
                            seasonFolder: boolean;
                            monitored: boolean;
                            useSceneNumbering: boolean;
                            runtime: number;
                            tvdbId: number;
                            tvRageId: number;
                            tvMazeId: number;
                            tmdbId?: number;
                            imdbId?: string;
                            titleSlug: string;
                            /** @description standard, daily, anime */
                            seriesType: string;
                            genres: string[];
                            tags: number[];
                            ratings: {
                                votes: number;
                                value: number;
                            } & {
                                [key: string]: unknown;
                            };
                            /** @description ISO 8601 date and time */
                            added: string;
                            statistics: {
                                seasonCount: number;
                                episodeFileCount: number;
                                episodeCount: number;
                                totalEpisodeCount: number;
                                sizeOnDisk: number;
                                releaseGroups: string[];
                                percentOfEpisodes: number;
                            } & {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        /** Add a series: its monitored seasons become a Reelflow request */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        qualityProfileId?: number;
                        profileId?: number;
                        rootFolderPath?: string;
                        path?: string;
                        /** @default true */
                        monitored?: boolean;
                        /** @default [] */
                        tags?: number[];
                        title?: string;
                        year?: number;
                        id?: number;
                        tvdbId?: number;
                        /** @default [] */
                        seasons?: ({
                            seasonNumber: number;
                            monitored: boolean;
                        } & {
                            [key: string]: unknown;
                        })[];
                        addOptions?: {
                            searchForMissingEpisodes?: boolean;
                            ignoreEpisodesWithFiles?: boolean;
                        } & {
                            [key: string]: unknown;
                        };
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description absent on a lookup result that is not added */
                            id?: number;
                            title: string;
                            sortTitle: string;
                            cleanTitle: string;
                            /** @description SeriesStatusType: continuing, ended, upcoming, deleted */
                            status: string;
                            overview: string;
                            images: ({
                                /** @description poster, fanart, banner, … */
                                coverType: string;
                                url: string;
                                remoteUrl: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            remotePoster?: string;
                            seasons: ({
                                seasonNumber: number;
                                monitored: boolean;
                                statistics: {
                                    episodeFileCount: number;
                                    episodeCount: number;
                                    totalEpisodeCount: number;
                                    sizeOnDisk: number;
                                    percentOfEpisodes: number;
                                } & {
                                    [key: string]: unknown;
                                };
                            } & {
                                [key: string]: unknown;
                            })[];
                            year: number;
                            path?: string;
                            rootFolderPath?: string;
                            /** @description 0 on a lookup result that is not added */
                            qualityProfileId: number;
                            profileId?: number;
                            languageProfileId: number;
                            seasonFolder: boolean;
                            monitored: boolean;
                            useSceneNumbering: boolean;
                            runtime: number;
                            tvdbId: number;
                            tvRageId: number;
                            tvMazeId: number;
                            tmdbId?: number;
                            imdbId?: string;
                            titleSlug: string;
                            /** @description standard, daily, anime */
                            seriesType: string;
                            genres: string[];
                            tags: number[];
                            ratings: {
                                votes: number;
                                value: number;
                            } & {
                                [key: string]: unknown;
                            };
                            /** @description ISO 8601 date and time */
                            added: string;
                            statistics: {
                                seasonCount: number;
                                episodeFileCount: number;
                                episodeCount: number;
                                totalEpisodeCount: number;
                                sizeOnDisk: number;
                                releaseGroups: string[];
                                percentOfEpisodes: number;
                            } & {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": ({
                            propertyName: string;
                            errorMessage: string;
                            attemptedValue?: unknown;
                            severity: string;
                            errorCode?: string;
                            isWarning?: boolean;
                        } & {
                            [key: string]: unknown;
                        })[] | ({
                            statusCode: number;
                            error: string;
                            message: string;
                        } & {
                            [key: string]: unknown;
                        });
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/movie/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One movie */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description absent on a lookup result that is not added */
                            id?: number;
                            title: string;
                            sortTitle: string;
                            year: number;
                            tmdbId: number;
                            imdbId?: string;
                            titleSlug: string;
                            overview: string;
                            images: ({
                                /** @description poster, fanart, banner, … */
                                coverType: string;
                                url: string;
                                remoteUrl: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            remotePoster?: string;
                            genres: string[];
                            runtime: number;
                            /** @description MovieStatusType: tba, announced, inCinemas, released, deleted */
                            status: string;
                            minimumAvailability: string;
                            isAvailable: boolean;
                            folderName: string;
                            path?: string;
                            rootFolderPath?: string;
                            /** @description 0 on a lookup result that is not added */
                            qualityProfileId: number;
                            profileId?: number;
                            monitored: boolean;
                            hasFile: boolean;
                            sizeOnDisk: number;
                            movieFile?: {
                                id: number;
                                movieId: number;
                                relativePath: string;
                                path: string;
                                size: number;
                                /** @description ISO 8601 date and time */
                                dateAdded?: string;
                            } & {
                                [key: string]: unknown;
                            };
                            statistics: {
                                movieFileCount: number;
                                sizeOnDisk: number;
                                releaseGroups: string[];
                            } & {
                                [key: string]: unknown;
                            };
                            tags: number[];
                            /** @description ISO 8601 date and time */
                            added: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        /** Update a movie: monitoring it again requests it again */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        qualityProfileId?: number;
                        profileId?: number;
                        rootFolderPath?: string;
                        path?: string;
                        /** @default true */
                        monitored?: boolean;
                        /** @default [] */
                        tags?: number[];
                        title?: string;
                        year?: number;
                        id?: number;
                        tmdbId?: number;
                        addOptions?: {
                            searchForMovie?: boolean;
                        } & {
                            [key: string]: unknown;
                        };
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description absent on a lookup result that is not added */
                            id?: number;
                            title: string;
                            sortTitle: string;
                            year: number;
                            tmdbId: number;
                            imdbId?: string;
                            titleSlug: string;
                            overview: string;
                            images: ({
                                /** @description poster, fanart, banner, … */
                                coverType: string;
                                url: string;
                                remoteUrl: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            remotePoster?: string;
                            genres: string[];
                            runtime: number;
                            /** @description MovieStatusType: tba, announced, inCinemas, released, deleted */
                            status: string;
                            minimumAvailability: string;
                            isAvailable: boolean;
                            folderName: string;
                            path?: string;
                            rootFolderPath?: string;
                            /** @description 0 on a lookup result that is not added */
                            qualityProfileId: number;
                            profileId?: number;
                            monitored: boolean;
                            hasFile: boolean;
                            sizeOnDisk: number;
                            movieFile?: {
                                id: number;
                                movieId: number;
                                relativePath: string;
                                path: string;
                                size: number;
                                /** @description ISO 8601 date and time */
                                dateAdded?: string;
                            } & {
                                [key: string]: unknown;
                            };
                            statistics: {
                                movieFileCount: number;
                                sizeOnDisk: number;
                                releaseGroups: string[];
                            } & {
                                [key: string]: unknown;
                            };
                            tags: number[];
                            /** @description ISO 8601 date and time */
                            added: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/series/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One series */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description absent on a lookup result that is not added */
                            id?: number;
                            title: string;
                            sortTitle: string;
                            cleanTitle: string;
                            /** @description SeriesStatusType: continuing, ended, upcoming, deleted */
                            status: string;
                            overview: string;
                            images: ({
                                /** @description poster, fanart, banner, … */
                                coverType: string;
                                url: string;
                                remoteUrl: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            remotePoster?: string;
                            seasons: ({
                                seasonNumber: number;
                                monitored: boolean;
                                statistics: {
                                    episodeFileCount: number;
                                    episodeCount: number;
                                    totalEpisodeCount: number;
                                    sizeOnDisk: number;
                                    percentOfEpisodes: number;
                                } & {
                                    [key: string]: unknown;
                                };
                            } & {
                                [key: string]: unknown;
                            })[];
                            year: number;
                            path?: string;
                            rootFolderPath?: string;
                            /** @description 0 on a lookup result that is not added */
                            qualityProfileId: number;
                            profileId?: number;
                            languageProfileId: number;
                            seasonFolder: boolean;
                            monitored: boolean;
                            useSceneNumbering: boolean;
                            runtime: number;
                            tvdbId: number;
                            tvRageId: number;
                            tvMazeId: number;
                            tmdbId?: number;
                            imdbId?: string;
                            titleSlug: string;
                            /** @description standard, daily, anime */
                            seriesType: string;
                            genres: string[];
                            tags: number[];
                            ratings: {
                                votes: number;
                                value: number;
                            } & {
                                [key: string]: unknown;
                            };
                            /** @description ISO 8601 date and time */
                            added: string;
                            statistics: {
                                seasonCount: number;
                                episodeFileCount: number;
                                episodeCount: number;
                                totalEpisodeCount: number;
                                sizeOnDisk: number;
                                releaseGroups: string[];
                                percentOfEpisodes: number;
                            } & {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        /** Update a series: newly monitored seasons become a request */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        qualityProfileId?: number;
                        profileId?: number;
                        rootFolderPath?: string;
                        path?: string;
                        /** @default true */
                        monitored?: boolean;
                        /** @default [] */
                        tags?: number[];
                        title?: string;
                        year?: number;
                        id?: number;
                        tvdbId?: number;
                        /** @default [] */
                        seasons?: ({
                            seasonNumber: number;
                            monitored: boolean;
                        } & {
                            [key: string]: unknown;
                        })[];
                        addOptions?: {
                            searchForMissingEpisodes?: boolean;
                            ignoreEpisodesWithFiles?: boolean;
                        } & {
                            [key: string]: unknown;
                        };
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description absent on a lookup result that is not added */
                            id?: number;
                            title: string;
                            sortTitle: string;
                            cleanTitle: string;
                            /** @description SeriesStatusType: continuing, ended, upcoming, deleted */
                            status: string;
                            overview: string;
                            images: ({
                                /** @description poster, fanart, banner, … */
                                coverType: string;
                                url: string;
                                remoteUrl: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            remotePoster?: string;
                            seasons: ({
                                seasonNumber: number;
                                monitored: boolean;
                                statistics: {
                                    episodeFileCount: number;
                                    episodeCount: number;
                                    totalEpisodeCount: number;
                                    sizeOnDisk: number;
                                    percentOfEpisodes: number;
                                } & {
                                    [key: string]: unknown;
                                };
                            } & {
                                [key: string]: unknown;
                            })[];
                            year: number;
                            path?: string;
                            rootFolderPath?: string;
                            /** @description 0 on a lookup result that is not added */
                            qualityProfileId: number;
                            profileId?: number;
                            languageProfileId: number;
                            seasonFolder: boolean;
                            monitored: boolean;
                            useSceneNumbering: boolean;
                            runtime: number;
                            tvdbId: number;
                            tvRageId: number;
                            tvMazeId: number;
                            tmdbId?: number;
                            imdbId?: string;
                            titleSlug: string;
                            /** @description standard, daily, anime */
                            seriesType: string;
                            genres: string[];
                            tags: number[];
                            ratings: {
                                votes: number;
                                value: number;
                            } & {
                                [key: string]: unknown;
                            };
                            /** @description ISO 8601 date and time */
                            added: string;
                            statistics: {
                                seasonCount: number;
                                episodeFileCount: number;
                                episodeCount: number;
                                totalEpisodeCount: number;
                                sizeOnDisk: number;
                                releaseGroups: string[];
                                percentOfEpisodes: number;
                            } & {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Items with a release on their way in, as Radarr's/Sonarr's queue */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            page: number;
                            pageSize: number;
                            sortKey: string;
                            sortDirection: string;
                            totalRecords: number;
                            records: ({
                                id: number;
                                movieId?: number;
                                seriesId?: number;
                                episodeId?: number;
                                seasonNumber?: number;
                                episode?: {
                                    id: number;
                                    seriesId: number;
                                    seasonNumber: number;
                                    episodeNumber: number;
                                    absoluteEpisodeNumber: number;
                                    title: string;
                                    /** @description YYYY-MM-DD */
                                    airDate?: string;
                                    hasFile: boolean;
                                    monitored: boolean;
                                } & {
                                    [key: string]: unknown;
                                };
                                /** @description the release */
                                title: string;
                                size: number;
                                sizeleft: number;
                                /** @description TimeSpan: [d.]hh:mm:ss, while downloading */
                                timeleft?: string;
                                /** @description ISO 8601 date and time */
                                estimatedCompletionTime?: string;
                                /** @description queued, downloading, completed, warning */
                                status: string;
                                /** @description ok, warning, error */
                                trackedDownloadStatus: string;
                                /** @description downloading, importPending, importing, failedPending, … */
                                trackedDownloadState: string;
                                statusMessages: ({
                                    title: string;
                                    messages: string[];
                                } & {
                                    [key: string]: unknown;
                                })[];
                                errorMessage?: string;
                                /** @description the info hash, upper case */
                                downloadId?: string;
                                protocol: string;
                                downloadClient: string;
                                indexer: string;
                                quality: {
                                    quality: {
                                        id: number;
                                        name: string;
                                    } & {
                                        [key: string]: unknown;
                                    };
                                    revision: {
                                        version: number;
                                        real: number;
                                        isRepack: boolean;
                                    } & {
                                        [key: string]: unknown;
                                    };
                                } & {
                                    [key: string]: unknown;
                                };
                                languages: ({
                                    id: number;
                                    name: string;
                                } & {
                                    [key: string]: unknown;
                                })[];
                            } & {
                                [key: string]: unknown;
                            })[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/command": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Commands run: none are kept (each runs at once) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": ({
                            id: number;
                            name: string;
                            commandName: string;
                            message: string;
                            body: {
                                name: string;
                            } & {
                                [key: string]: unknown;
                            };
                            priority: string;
                            status: string;
                            result: string;
                            /** @description ISO 8601 date and time */
                            queued: string;
                            /** @description ISO 8601 date and time */
                            started: string;
                            /** @description ISO 8601 date and time */
                            ended: string;
                            trigger: string;
                            /** @description ISO 8601 date and time */
                            stateChangeTime: string;
                            sendUpdatesToClient: boolean;
                            updateScheduledTask: boolean;
                        } & {
                            [key: string]: unknown;
                        })[];
                    };
                };
            };
        };
        put?: never;
        /** MoviesSearch, SeriesSearch, MissingEpisodeSearch: search now */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        movieIds?: number[];
                        seriesId?: number;
                        seriesIds?: number[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            commandName: string;
                            message: string;
                            body: {
                                name: string;
                            } & {
                                [key: string]: unknown;
                            };
                            priority: string;
                            status: string;
                            result: string;
                            /** @description ISO 8601 date and time */
                            queued: string;
                            /** @description ISO 8601 date and time */
                            started: string;
                            /** @description ISO 8601 date and time */
                            ended: string;
                            trigger: string;
                            /** @description ISO 8601 date and time */
                            stateChangeTime: string;
                            sendUpdatesToClient: boolean;
                            updateScheduledTask: boolean;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/indexer/schema": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Indexer schemas (Newznab and Torznab), as Prowlarr reads them */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": ({
                            id: number;
                            name: string;
                            enableRss: boolean;
                            enableAutomaticSearch: boolean;
                            enableInteractiveSearch: boolean;
                            supportsRss: boolean;
                            supportsSearch: boolean;
                            /** @description torrent or usenet */
                            protocol: string;
                            priority: number;
                            downloadClientId: number;
                            implementation: string;
                            implementationName: string;
                            configContract: string;
                            infoLink: string;
                            tags: number[];
                            fields: ({
                                order: number;
                                name: string;
                                label: string;
                                value?: unknown;
                                type: string;
                                advanced: boolean;
                                privacy?: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            presets: {
                                [key: string]: unknown;
                            }[];
                        } & {
                            [key: string]: unknown;
                        })[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/indexer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Indexers as Radarr/Sonarr indexer resources */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": ({
                            id: number;
                            name: string;
                            enableRss: boolean;
                            enableAutomaticSearch: boolean;
                            enableInteractiveSearch: boolean;
                            supportsRss: boolean;
                            supportsSearch: boolean;
                            /** @description torrent or usenet */
                            protocol: string;
                            priority: number;
                            downloadClientId: number;
                            implementation: string;
                            implementationName: string;
                            configContract: string;
                            infoLink: string;
                            tags: number[];
                            fields: ({
                                order: number;
                                name: string;
                                label: string;
                                value?: unknown;
                                type: string;
                                advanced: boolean;
                                privacy?: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            presets: {
                                [key: string]: unknown;
                            }[];
                        } & {
                            [key: string]: unknown;
                        })[];
                    };
                };
            };
        };
        put?: never;
        /** Add a Torznab indexer (Prowlarr sync) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        id?: number;
                        name: string;
                        implementation: string;
                        /** @default true */
                        enableRss?: boolean;
                        /** @default true */
                        enableAutomaticSearch?: boolean;
                        /** @default true */
                        enableInteractiveSearch?: boolean;
                        /** @default 25 */
                        priority?: number;
                        /** @default [] */
                        fields?: ({
                            name: string;
                            value?: unknown;
                        } & {
                            [key: string]: unknown;
                        })[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            enableRss: boolean;
                            enableAutomaticSearch: boolean;
                            enableInteractiveSearch: boolean;
                            supportsRss: boolean;
                            supportsSearch: boolean;
                            /** @description torrent or usenet */
                            protocol: string;
                            priority: number;
                            downloadClientId: number;
                            implementation: string;
                            implementationName: string;
                            configContract: string;
                            infoLink: string;
                            tags: number[];
                            fields: ({
                                order: number;
                                name: string;
                                label: string;
                                value?: unknown;
                                type: string;
                                advanced: boolean;
                                privacy?: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            presets: {
                                [key: string]: unknown;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": ({
                            propertyName: string;
                            errorMessage: string;
                            attemptedValue?: unknown;
                            severity: string;
                            errorCode?: string;
                            isWarning?: boolean;
                        } & {
                            [key: string]: unknown;
                        })[] | ({
                            statusCode: number;
                            error: string;
                            message: string;
                        } & {
                            [key: string]: unknown;
                        });
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/indexer/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One indexer */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            enableRss: boolean;
                            enableAutomaticSearch: boolean;
                            enableInteractiveSearch: boolean;
                            supportsRss: boolean;
                            supportsSearch: boolean;
                            /** @description torrent or usenet */
                            protocol: string;
                            priority: number;
                            downloadClientId: number;
                            implementation: string;
                            implementationName: string;
                            configContract: string;
                            infoLink: string;
                            tags: number[];
                            fields: ({
                                order: number;
                                name: string;
                                label: string;
                                value?: unknown;
                                type: string;
                                advanced: boolean;
                                privacy?: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            presets: {
                                [key: string]: unknown;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        /** Update an indexer (Prowlarr sync); a masked apiKey keeps the stored one */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        id?: number;
                        name: string;
                        implementation: string;
                        /** @default true */
                        enableRss?: boolean;
                        /** @default true */
                        enableAutomaticSearch?: boolean;
                        /** @default true */
                        enableInteractiveSearch?: boolean;
                        /** @default 25 */
                        priority?: number;
                        /** @default [] */
                        fields?: ({
                            name: string;
                            value?: unknown;
                        } & {
                            [key: string]: unknown;
                        })[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            enableRss: boolean;
                            enableAutomaticSearch: boolean;
                            enableInteractiveSearch: boolean;
                            supportsRss: boolean;
                            supportsSearch: boolean;
                            /** @description torrent or usenet */
                            protocol: string;
                            priority: number;
                            downloadClientId: number;
                            implementation: string;
                            implementationName: string;
                            configContract: string;
                            infoLink: string;
                            tags: number[];
                            fields: ({
                                order: number;
                                name: string;
                                label: string;
                                value?: unknown;
                                type: string;
                                advanced: boolean;
                                privacy?: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            presets: {
                                [key: string]: unknown;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": ({
                            propertyName: string;
                            errorMessage: string;
                            attemptedValue?: unknown;
                            severity: string;
                            errorCode?: string;
                            isWarning?: boolean;
                        } & {
                            [key: string]: unknown;
                        })[] | ({
                            statusCode: number;
                            error: string;
                            message: string;
                        } & {
                            [key: string]: unknown;
                        });
                    };
                };
            };
        };
        post?: never;
        /** Remove an indexer (Prowlarr sync) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description {} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v3/indexer/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Test an indexer before adding it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        id?: number;
                        name: string;
                        implementation: string;
                        /** @default true */
                        enableRss?: boolean;
                        /** @default true */
                        enableAutomaticSearch?: boolean;
                        /** @default true */
                        enableInteractiveSearch?: boolean;
                        /** @default 25 */
                        priority?: number;
                        /** @default [] */
                        fields?: ({
                            name: string;
                            value?: unknown;
                        } & {
                            [key: string]: unknown;
                        })[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description {} */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": ({
                            propertyName: string;
                            errorMessage: string;
                            attemptedValue?: unknown;
                            severity: string;
                            errorCode?: string;
                            isWarning?: boolean;
                        } & {
                            [key: string]: unknown;
                        })[] | ({
                            statusCode: number;
                            error: string;
                            message: string;
                        } & {
                            [key: string]: unknown;
                        });
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What happened, newest first: scans, titles added/updated/removed, releases grabbed, items downloaded/encoded/delivered/failed, decisions, notifications, webhooks */
        get: {
            parameters: {
                query?: {
                    type?: string;
                    libraryId?: string;
                    titleId?: string;
                    requestId?: string;
                    itemId?: string;
                    since?: string;
                    until?: string;
                    /** @description the nextBefore of the previous page */
                    before?: number;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            events: {
                                id: number;
                                /** Format: date-time */
                                occurredAt: string;
                                /** @enum {string} */
                                type: "scan.finished" | "title.added" | "title.updated" | "title.removed" | "webhook.received" | "release.grabbed" | "item.downloaded" | "item.encoded" | "item.delivered" | "item.completed" | "item.failed" | "item.cancelled" | "item.approved" | "item.rejected" | "item.release-selected" | "notification.sent" | "notification.failed" | "scan.progress" | "item.status" | "item.progress" | "pipeline.phase";
                                /** Format: uuid */
                                libraryId: string | null;
                                /** @enum {string|null} */
                                titleKind: "movie" | "show" | "episode" | null;
                                /** Format: uuid */
                                titleId: string | null;
                                /** Format: uuid */
                                requestId: string | null;
                                /** Format: uuid */
                                itemId: string | null;
                                summary: string;
                                data: {
                                    [key: string]: unknown;
                                };
                            }[];
                            nextBefore: number | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server-Sent Events: history entries and progress (scan counters, item status and percent, pipeline phase) as they happen; reconnect with Last-Event-ID to get what was missed */
        get: {
            parameters: {
                query?: {
                    type?: string;
                    libraryId?: string;
                    titleId?: string;
                    requestId?: string;
                    itemId?: string;
                };
                header?: {
                    "last-event-id"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A stream of messages, each with `id:`, `event:` (the type) and the event as JSON in `data:` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Air dates of library and requested episodes and release dates of requested movies, from start to end (inclusive) */
        get: {
            parameters: {
                query: {
                    start: string;
                    end: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            date: string;
                            /** @enum {string} */
                            kind: "episode" | "movie";
                            title: string;
                            seasonNumber: number | null;
                            episodeNumber: number | null;
                            episodeTitle: string | null;
                            /** @enum {string} */
                            source: "library" | "request";
                            status: string;
                            /** Format: uuid */
                            libraryId: string | null;
                            /** Format: uuid */
                            titleId: string | null;
                            /** Format: uuid */
                            requestId: string | null;
                            /** Format: uuid */
                            itemId: string | null;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar.ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The same as an iCal feed for calendar apps (a week back, four weeks ahead unless start/end say otherwise); the key goes in ?apikey= */
        get: {
            parameters: {
                query?: {
                    start?: string;
                    end?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An iCalendar (RFC 5545) feed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/calendar": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What runs now and what waits for a person: running scans, pipelines in flight, items with their progress, approvals, failures, notifications being retried */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            at: string;
                            scans: {
                                /** Format: uuid */
                                scanId: string;
                                /** Format: uuid */
                                libraryId: string;
                                libraryName: string;
                                /** Format: date-time */
                                startedAt: string;
                                directoriesTotal: number;
                                directoriesScanned: number;
                                /**
                                 * Format: uri
                                 * @description The run in the Temporal Web UI
                                 */
                                temporalUrl: string;
                            }[];
                            pipelines: {
                                /** Format: uuid */
                                libraryId: string;
                                libraryName: string;
                                titles: number;
                            }[];
                            items: {
                                counts: {
                                    active: number;
                                    awaitingApproval: number;
                                    failed: number;
                                };
                                active: {
                                    /** Format: uuid */
                                    itemId: string;
                                    /** Format: uuid */
                                    requestId: string;
                                    name: string;
                                    status: string;
                                    progress: number;
                                    failedStep: string | null;
                                    lastError: string | null;
                                    release: string | null;
                                    awaitingApproval: boolean;
                                    /** Format: date-time */
                                    updatedAt: string;
                                    /**
                                     * Format: uri
                                     * @description The run in the Temporal Web UI
                                     */
                                    temporalUrl: string;
                                }[];
                                awaitingApproval: {
                                    /** Format: uuid */
                                    itemId: string;
                                    /** Format: uuid */
                                    requestId: string;
                                    name: string;
                                    status: string;
                                    progress: number;
                                    failedStep: string | null;
                                    lastError: string | null;
                                    release: string | null;
                                    awaitingApproval: boolean;
                                    /** Format: date-time */
                                    updatedAt: string;
                                    /**
                                     * Format: uri
                                     * @description The run in the Temporal Web UI
                                     */
                                    temporalUrl: string;
                                }[];
                                failed: {
                                    /** Format: uuid */
                                    itemId: string;
                                    /** Format: uuid */
                                    requestId: string;
                                    name: string;
                                    status: string;
                                    progress: number;
                                    failedStep: string | null;
                                    lastError: string | null;
                                    release: string | null;
                                    awaitingApproval: boolean;
                                    /** Format: date-time */
                                    updatedAt: string;
                                    /**
                                     * Format: uri
                                     * @description The run in the Temporal Web UI
                                     */
                                    temporalUrl: string;
                                }[];
                            };
                            notifications: {
                                retrying: {
                                    service: string;
                                    messageId: string;
                                    attempts: number;
                                    lastError: string | null;
                                    /** Format: date-time */
                                    since: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
