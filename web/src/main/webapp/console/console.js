/*
 * The imagestore operator console: a static single page over the store's JSON API.
 *
 * - Credentials live in sessionStorage (gone when the tab closes) and go as HTTP Basic on every API call, with
 *   X-Requested-With so that a wrong password gives a plain 401 and not the browser's own password dialog.
 * - Views are hash routes (#cluster, #sources, #browse?source=.., #image/<id>, #alerts); one function per view.
 * - Polled tables are updated in place, row by row (syncChildren), rather than rebuilt: a button or link the user
 *   is about to click stays the same element across refreshes.
 * - Server text is only ever put in the page as text (textContent), never as HTML.
 */
'use strict';

(() => {
    const $ = (selector, root = document) => root.querySelector(selector);
    const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

    const STORAGE_USER = 'imagestore.console.user';
    const STORAGE_PASSWORD = 'imagestore.console.password';
    const DAY_MS = 24 * 3600 * 1000;
    const PAGE_SIZE = 24;

    /* ------------------------------------------------------------------------------------------------------------
     * Formatting
     * ---------------------------------------------------------------------------------------------------------- */

    const pad = (n) => String(n).padStart(2, '0');

    /** An ISO instant from the server. JSON-B may give microseconds; Date only promises to read milliseconds. */
    function parseInstant(iso) {
        if (!iso) {
            return null;
        }
        const date = new Date(String(iso).replace(/(\.\d{3})\d+/, '$1'));
        return Number.isNaN(date.getTime()) ? null : date;
    }

    /** An instant in the browser's local time: 2026-12-02 13:05:11. */
    function formatTime(iso) {
        const d = parseInstant(iso);
        if (!d) {
            return iso ? String(iso) : '';
        }
        return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} `
            + `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
    }

    /**
     * A capture time as the camera recorded it. It is the camera's own clock (with an offset only if EXIF has one),
     * so it is shown as given rather than converted to this browser's zone.
     */
    function formatCameraTime(text) {
        const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)(:\d\d)?(?:\.\d+)?(.*)$/.exec(text || '');
        if (!m) {
            return text || '';
        }
        return `${m[1]} ${m[2]}${m[3] || ':00'}${m[4] ? ' ' + m[4] : ''} (camera clock)`;
    }

    /** Bytes in binary units with one decimal: 512 B, 1.5 KiB, 3.2 GiB. */
    function formatBytes(n) {
        if (n == null || !Number.isFinite(Number(n))) {
            return '–';
        }
        const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
        let value = Number(n);
        let unit = 0;
        while (Math.abs(value) >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
    }

    function formatSeconds(total) {
        const s = Math.max(0, Math.round(total));
        const h = Math.floor(s / 3600);
        const m = Math.floor((s % 3600) / 60);
        const parts = [];
        if (h) parts.push(`${h} h`);
        if (m) parts.push(`${m} min`);
        if (s % 60 || !parts.length) parts.push(`${s % 60} s`);
        return parts.join(' ');
    }

    /** A java.time.Duration as the server prints it (PT30M, PT1H30M, PT48H) in words; anything else as given. */
    function formatDuration(iso) {
        const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(iso || '');
        if (!m) {
            return iso || '';
        }
        return formatSeconds((Number(m[1]) || 0) * 3600 + (Number(m[2]) || 0) * 60 + (Number(m[3]) || 0));
    }

    const formatCount = (n) => (n == null ? '–' : Number(n).toLocaleString('en'));
    const yesNo = (b) => (b ? 'yes' : 'no');

    /* ------------------------------------------------------------------------------------------------------------
     * DOM helpers
     * ---------------------------------------------------------------------------------------------------------- */

    /** el('a', {href: '#x', class: 'y', text: 'z'}, child, ...): attributes null/false are left out. */
    function el(tag, attrs = {}, ...children) {
        const node = document.createElement(tag);
        for (const [key, value] of Object.entries(attrs)) {
            if (value == null || value === false) continue;
            if (key === 'class') node.className = value;
            else if (key === 'text') node.textContent = value;
            else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
            else node.setAttribute(key, value === true ? '' : String(value));
        }
        node.append(...children.flat().filter((c) => c != null));
        return node;
    }

    /** Sets text only when it changed, so that polling does not churn the DOM (or a screen reader). */
    function setText(node, text) {
        const value = text == null ? '' : String(text);
        if (node.textContent !== value) {
            node.textContent = value;
        }
    }

    /**
     * Makes the children of container match items, in order: a child per item, found again by key(item) (kept in
     * data-key), made by create(item) when new, refreshed by update(child, item); children of keys gone are removed.
     */
    function syncChildren(container, items, key, create, update) {
        const existing = new Map();
        for (const child of [...container.children]) {
            // an "empty" placeholder, or a second item of one key (should the server ever send one): made anew
            if (child.dataset.key == null || existing.has(child.dataset.key)) child.remove();
            else existing.set(child.dataset.key, child);
        }
        let previous = null;
        for (const item of items) {
            const k = String(key(item));
            let child = existing.get(k);
            if (child) {
                existing.delete(k);
            } else {
                child = create(item);
                child.dataset.key = k;
            }
            update(child, item);
            const wanted = previous ? previous.nextElementSibling : container.firstElementChild;
            if (child !== wanted) container.insertBefore(child, wanted);
            previous = child;
        }
        existing.forEach((child) => child.remove());
    }

    /** syncChildren for a table body, with a one-cell row saying so when there is nothing. */
    function syncTable(table, items, key, create, update, emptyText) {
        const body = table.tBodies[0];
        syncChildren(body, items, key, create, update);
        if (!items.length) {
            const columns = table.tHead ? table.tHead.rows[0].cells.length : 1;
            body.append(el('tr', {class: 'empty'}, el('td', {colspan: columns, text: emptyText})));
        }
    }

    /**
     * A capacity bar: a grey track (div.capacity) with a coloured fill (div.capacity-bar, width = used fraction)
     * and the figures as text on top. Green under 70 %, amber under 90 %, red above.
     */
    function capacityMeter() {
        return el('div', {class: 'capacity', role: 'meter', 'aria-valuemin': 0, 'aria-valuemax': 100},
            el('div', {class: 'capacity-bar'}),
            el('span', {class: 'capacity-text'}));
    }

    function updateCapacity(meter, used, capacity, fraction) {
        let f = Number(fraction);
        if (!Number.isFinite(f)) f = capacity > 0 ? used / capacity : 0;
        const percent = Math.min(100, Math.max(0, f * 100));
        const bar = $('.capacity-bar', meter);
        const width = `${percent.toFixed(1)}%`;
        if (bar.style.width !== width) bar.style.width = width; // CSSOM: allowed by the page's CSP
        bar.className = `capacity-bar ${f >= 0.9 ? 'level-high' : f >= 0.7 ? 'level-mid' : 'level-low'}`;
        const text = `${formatBytes(used)} / ${formatBytes(capacity)} (${Math.round(percent)} %)`;
        setText($('.capacity-text', meter), text);
        meter.setAttribute('aria-valuenow', percent.toFixed(1));
        meter.setAttribute('aria-valuetext', text);
    }

    /* ------------------------------------------------------------------------------------------------------------
     * Messages: #error (API errors) and #notice (what an action did)
     * ---------------------------------------------------------------------------------------------------------- */

    // An error found by a background refresh may be cleared by the next refresh that works; an error of something
    // the user did stays until the user's next action works (a refresh must not wipe it before it is read).
    let errorFromPoll = false;

    function showError(message, fromPoll = false) {
        const banner = $('#error');
        setText(banner, message);
        banner.hidden = false;
        errorFromPoll = fromPoll;
    }

    function clearError(fromPoll = false) {
        if (fromPoll && !errorFromPoll) return;
        $('#error').hidden = true;
        setText($('#error'), '');
    }

    function showNotice(message) {
        setText($('#notice'), message);
        $('#notice').hidden = !message;
    }

    /** Shows what went wrong; a 401 after login means the account went away: back to the login form. */
    function report(error, fromPoll = false) {
        if (error.status === 401) {
            logOut('Your session is no longer valid: log in again.');
            return;
        }
        showError(error.message, fromPoll);
    }

    /* ------------------------------------------------------------------------------------------------------------
     * API
     * ---------------------------------------------------------------------------------------------------------- */

    class ApiError extends Error {
        constructor(status, message, body) {
            super(message);
            this.status = status;
            this.body = body;
        }
    }

    let credentials = null; // {user, password}, mirrored in sessionStorage

    /** HTTP Basic wants base64 of the bytes; btoa alone only takes Latin-1, so encode as UTF-8 first. */
    function basic(user, password) {
        const bytes = new TextEncoder().encode(`${user}:${password}`);
        let binary = '';
        bytes.forEach((b) => { binary += String.fromCharCode(b); });
        return `Basic ${btoa(binary)}`;
    }

    /** Calls the API; resolves with the parsed JSON (null for 204), rejects with an ApiError carrying the server's message. */
    async function api(method, path, body, auth = credentials) {
        const headers = {'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest'};
        if (auth) headers['Authorization'] = basic(auth.user, auth.password);
        if (body !== undefined) headers['Content-Type'] = 'application/json';
        let response;
        try {
            response = await fetch(path, {
                method, headers, cache: 'no-store', credentials: 'same-origin',
                body: body === undefined ? undefined : JSON.stringify(body),
            });
        } catch (e) {
            throw new ApiError(0, `The store did not answer ${method} ${path}: ${e.message}`);
        }
        const text = response.status === 204 ? '' : await response.text();
        let json = null;
        try {
            json = text ? JSON.parse(text) : null;
        } catch (e) {
            json = null; // an error page of the server or a proxy, not the API's JSON
        }
        if (!response.ok) {
            const message = json && json.message
                ? json.message : `${method} ${path} failed: HTTP ${response.status} ${response.statusText}`.trim();
            throw new ApiError(response.status, message, json);
        }
        return json;
    }

    const enc = encodeURIComponent;

    /* ------------------------------------------------------------------------------------------------------------
     * Polling: one background refresh at a time, for the view shown
     * ---------------------------------------------------------------------------------------------------------- */

    let pollToken = 0;
    let pollTimer = null;

    /** Runs load now and every ms after it finished (no overlapping requests); stopped by stopPolling(). */
    function poll(load, ms) {
        stopPolling();
        const token = pollToken;
        const tick = async (first) => {
            if (token !== pollToken) return;
            if (first || !document.hidden) { // a background tab asks nothing
                try {
                    await load(token);
                    if (token === pollToken) clearError(!first);
                } catch (e) {
                    if (token === pollToken) report(e, true);
                }
            }
            if (token === pollToken) pollTimer = setTimeout(() => tick(false), ms);
        };
        tick(true);
    }

    function stopPolling() {
        pollToken++;
        clearTimeout(pollTimer);
    }

    /* ------------------------------------------------------------------------------------------------------------
     * Cluster
     * ---------------------------------------------------------------------------------------------------------- */

    function showCluster() {
        poll(async (token) => {
            const status = await api('GET', '/admin/cluster');
            if (token === pollToken) renderCluster(status);
        }, 2000);
    }

    function renderCluster(status) {
        setText($('#replicas'), status.replicas ?? '–');
        setText($('#under-replicated'), status.underReplicated ?? '–');
        setText($('#repair-groups'), status.repair ? status.repair.groupsToCheck ?? '–' : '–');
        setText($('#coordinator'), status.coordinator || '–');
        setText($('#grace'), status.graceSeconds == null ? '–' : `${formatSeconds(status.graceSeconds)} before a down node's groups move`);
        setText($('#levelling'), levellingText(status.levelling));
        syncTable($('#nodes'), status.nodes || [], (n) => n.name, createNodeRow, updateNodeRow, 'No nodes.');
    }

    function levellingText(l) {
        if (!l) return '–';
        const tolerance = l.tolerance == null ? '' : `, tolerance ${(l.tolerance * 100).toFixed(1)} %`;
        let text = `${l.state || 'unknown'} (levelling ${l.enabled ? 'on' : 'off'}${tolerance})`;
        if (l.state === 'moving' || l.bytesToMove > 0) {
            text += `: ${formatBytes(l.bytesMoved)} moved, ${formatBytes(l.bytesToMove)} to move`
                + ` of ${formatBytes(l.plannedBytes)} planned, ${formatCount(l.movesInFlight)} groups in flight, `
                + (l.etaSeconds >= 0 ? `ETA ${formatSeconds(l.etaSeconds)}` : 'ETA unknown');
        } else if (l.plannedBytes > 0) {
            text += `; last plan moved ${formatBytes(l.bytesMoved)} of ${formatBytes(l.plannedBytes)}`;
        }
        if (l.toleranceReached === false) text += '; the last plan could not reach the tolerance';
        return text;
    }

    function createNodeRow(node) {
        return el('tr', {class: 'node', 'data-node': node.name},
            el('td', {class: 'name', text: node.name}),
            el('td', {class: 'state'}, el('span', {class: 'badge'})),
            el('td', {class: 'address'}),
            el('td', {class: 'capacity-cell'}, capacityMeter(), el('ul', {class: 'volumes'})),
            el('td', {class: 'groups num'}),
            el('td', {class: 'uploads-in-flight num'}),
            el('td', {class: 'renders-in-flight num'}));
    }

    function updateNodeRow(row, node) {
        const badge = $('.state .badge', row);
        setText(badge, node.state);
        badge.className = `badge state-${String(node.state || 'unknown').replace(/[^a-z-]/g, '')}`;
        setText($('.address', row), node.address);
        updateCapacity($('.capacity-cell > .capacity', row), node.usedBytes, node.capacityBytes, node.usedFraction);
        syncChildren($('.volumes', row), node.volumes || [], (v) => v.id, (v) =>
            el('li', {class: 'volume', 'data-volume': v.id},
                el('span', {class: 'volume-name'}), capacityMeter()), (li, v) => {
            setText($('.volume-name', li), `${v.id}${v.path ? ' ' + v.path : ''}${v.draining ? ' (draining)' : ''}`);
            li.classList.toggle('draining', !!v.draining);
            updateCapacity($('.capacity', li), v.usedBytes, v.capacityBytes, v.usedFraction);
        });
        setText($('.groups', row), formatCount(node.groups));
        setText($('.uploads-in-flight', row), formatCount(node.uploadsInFlight));
        setText($('.renders-in-flight', row), formatCount(node.rendersInFlight));
    }

    /* ------------------------------------------------------------------------------------------------------------
     * Sources
     * ---------------------------------------------------------------------------------------------------------- */

    function showSources() {
        loadSources(true);
    }

    async function loadSources(clear) {
        try {
            const sources = await api('GET', '/admin/sources');
            syncTable($('#sources'), sources || [], (s) => s.name, createSourceRow, updateSourceRow, 'No sources yet.');
            fillSourceNames(sources || []);
            if (clear) clearError();
        } catch (e) {
            report(e);
        }
    }

    function createSourceRow(source) {
        const row = el('tr', {class: 'source', 'data-source': source.name},
            el('td', {class: 'name'}, el('a', {href: `#browse?source=${enc(source.name)}`, text: source.name,
                title: `Browse the uploads of ${source.name}`})),
            el('td', {class: 'enabled'}),
            el('td', {class: 'status'}),
            el('td', {class: 'last-upload'}),
            el('td', {class: 'uploads-today num'}),
            el('td', {class: 'uploads num'}),
            el('td', {class: 'bytes num'}),
            el('td', {class: 'actions'},
                el('button', {type: 'button', class: 'toggle-enabled', onclick: () => toggleSource(row)}),
                el('button', {type: 'button', class: 'change-password', text: 'Change password',
                    onclick: () => changeSourcePassword(row.dataset.source)})));
        return row;
    }

    function updateSourceRow(row, source) {
        row.dataset.enabled = String(!!source.enabled);
        setText($('.enabled', row), yesNo(source.enabled));
        const last = parseInstant(source.lastUploadAt);
        const silent = !last || Date.now() - last.getTime() > DAY_MS;
        row.classList.toggle('silent', silent);
        row.classList.toggle('disabled', !source.enabled);
        const status = $('.status', row);
        if (silent !== !!status.firstChild) {
            status.replaceChildren(...(silent ? [el('span', {class: 'badge badge-silent', text: 'silent',
                title: 'no upload for 24 hours or more'})] : []));
        }
        setText($('.last-upload', row), last ? formatTime(source.lastUploadAt) : 'never');
        setText($('.uploads-today', row), formatCount(source.uploadsToday));
        setText($('.uploads', row), formatCount(source.uploads));
        const bytes = $('.bytes', row);
        setText(bytes, formatBytes(source.bytes));
        bytes.title = source.bytes == null ? '' : `${formatCount(source.bytes)} bytes`;
        const toggle = $('.toggle-enabled', row);
        setText(toggle, source.enabled ? 'Disable' : 'Enable');
        toggle.setAttribute('aria-label', `${source.enabled ? 'Disable' : 'Enable'} ${source.name}`);
        $('.change-password', row).setAttribute('aria-label', `Change the password of ${source.name}`);
    }

    async function toggleSource(row) {
        const name = row.dataset.source;
        const enable = row.dataset.enabled !== 'true';
        try {
            await api('PUT', `/admin/sources/${enc(name)}`, {enabled: enable});
            clearError();
            showNotice(`${name} ${enable ? 'enabled' : 'disabled'}.`);
            await loadSources(false);
        } catch (e) {
            report(e);
        }
    }

    async function changeSourcePassword(name) {
        const password = prompt(`New password for ${name}:`);
        if (password == null || password === '') return; // cancelled
        try {
            await api('PUT', `/admin/sources/${enc(name)}`, {password});
            clearError();
            showNotice(`Password of ${name} changed.`);
        } catch (e) {
            report(e);
        }
    }

    async function createSource(event) {
        event.preventDefault();
        const name = $('#new-source-name').value.trim();
        const password = $('#new-source-password').value;
        $('#new-source-submit').disabled = true;
        try {
            await api('POST', '/admin/sources', {name, password});
            clearError();
            showNotice(`Source ${name} created.`);
            event.target.reset();
            await loadSources(false);
        } catch (e) {
            report(e);
        } finally {
            $('#new-source-submit').disabled = false;
        }
    }

    /** The source names offered by the browse filter's input. */
    function fillSourceNames(sources) {
        syncChildren($('#source-names'), sources, (s) => s.name, (s) => el('option', {value: s.name}), () => {});
    }

    /* ------------------------------------------------------------------------------------------------------------
     * Browse
     * ---------------------------------------------------------------------------------------------------------- */

    const browse = {generation: 0, next: null, shown: 0};

    function showBrowse({params}) {
        $('#browse-source').value = params.get('source') || '';
        $('#browse-from').value = params.get('from') || '';
        $('#browse-to').value = params.get('to') || '';
        searchUploads(false);
        // names for the source input's suggestions; the grid does not depend on them
        api('GET', '/admin/sources').then((s) => fillSourceNames(s || []), () => {});
    }

    /** A datetime-local value (local wall time, no zone) as an ISO instant; the Date constructor reads it as local. */
    function localToInstant(value, label) {
        const date = new Date(value);
        if (Number.isNaN(date.getTime())) throw new ApiError(0, `${label} is not a date and time`);
        return date.toISOString();
    }

    function applyBrowseFilter(event) {
        event.preventDefault();
        const params = new URLSearchParams();
        for (const [name, input] of [['source', '#browse-source'], ['from', '#browse-from'], ['to', '#browse-to']]) {
            const value = $(input).value.trim();
            if (value) params.set(name, value);
        }
        // keep the filter in the address (reloadable, shareable) without the hashchange re-running the view
        const query = params.toString();
        history.replaceState(null, '', `#browse${query ? '?' + query : ''}`);
        searchUploads(false);
    }

    async function searchUploads(more) {
        if (more && !browse.next) return; // nothing after the last page
        const generation = more ? browse.generation : ++browse.generation;
        const more_ = $('#browse-more');
        try {
            const query = new URLSearchParams();
            const source = $('#browse-source').value.trim();
            if (source) query.set('source', source);
            if ($('#browse-from').value) query.set('from', localToInstant($('#browse-from').value, 'Received from'));
            if ($('#browse-to').value) query.set('to', localToInstant($('#browse-to').value, 'Received until'));
            query.set('limit', String(PAGE_SIZE));
            if (more) query.set('after', browse.next);
            more_.disabled = true;
            const page = await api('GET', `/images?${query}`);
            if (generation !== browse.generation) return; // a newer search was started meanwhile
            const grid = $('#browse-results');
            if (!more) {
                grid.replaceChildren();
                browse.shown = 0;
            }
            const items = (page && page.items) || [];
            grid.append(...items.map(thumbCard));
            browse.shown += items.length;
            browse.next = (page && page.next) || null;
            more_.hidden = !browse.next;
            $('#browse-empty').hidden = browse.shown > 0;
            setText($('#browse-summary'), browse.shown
                ? `${browse.shown} upload${browse.shown === 1 ? '' : 's'} shown, newest first${browse.next ? '' : ' (all)'}.` : '');
            clearError();
        } catch (e) {
            if (generation === browse.generation) report(e);
        } finally {
            if (generation === browse.generation) more_.disabled = false;
        }
    }

    function thumbCard(hit) {
        const id = hit.imageId;
        const name = hit.fileName || (hit.path ? hit.path.split('/').pop() : id);
        return el('a', {class: 'thumb', href: `#image/${id}`, 'data-image': id},
            el('img', {src: `/images/${enc(id)}?w=200&h=200&fit=cover`, loading: 'lazy', width: 200, height: 200,
                alt: `${name} from ${hit.source || 'unknown source'}`}),
            el('span', {class: 'caption'},
                el('span', {class: 'thumb-source', text: hit.source || ''}),
                el('span', {class: 'thumb-name', text: name, title: hit.path || name}),
                el('time', {class: 'thumb-time', datetime: hit.receivedAt, text: formatTime(hit.receivedAt)})));
    }

    /* ------------------------------------------------------------------------------------------------------------
     * Image
     * ---------------------------------------------------------------------------------------------------------- */

    let imageShown = null;

    const ORIENTATIONS = {
        1: 'normal', 2: 'mirrored', 3: 'upside down', 4: 'upside down, mirrored',
        5: 'rotated 90° and mirrored', 6: 'rotated 90° clockwise', 7: 'rotated 90° counter-clockwise and mirrored',
        8: 'rotated 90° counter-clockwise',
    };

    async function showImage({arg}) {
        const id = decodeURIComponent(arg || '');
        imageShown = id;
        const base = `/images/${enc(id)}`;
        setText($('#image-id'), id);
        $('#image-figure').hidden = false;
        $('#image-preview').src = `${base}?w=800`;
        $('#image-preview').alt = `Image ${id}, 800 pixels wide`;
        $('#image-original').href = base;
        $$('#view-image a.rendition').forEach((a) => { a.href = `${base}?${a.dataset.query}`; });
        $('#image-meta').tBodies[0].replaceChildren();
        $('#image-uploads').tBodies[0].replaceChildren();
        $('#image-replicas').tBodies[0].replaceChildren();
        $('#image-purge').disabled = false;
        $('#image-purged').hidden = true;
        try {
            const meta = await api('GET', `${base}/meta`);
            if (imageShown !== id) return;
            renderImage(meta || {});
            clearError();
        } catch (e) {
            if (imageShown !== id) return;
            if (e.status === 404) {
                showError(`No image ${id}`);
                $('#image-figure').hidden = true;
                $('#image-purge').disabled = true;
            } else {
                report(e);
            }
        }
    }

    function renderImage(meta) {
        const facts = [
            ['Format', meta.format ? `${meta.format}${meta.mediaType ? ' (' + meta.mediaType + ')' : ''}` : '–'],
            ['Size', meta.width != null && meta.height != null ? `${meta.width} × ${meta.height} pixels` : '–'],
            ['Bytes', meta.bytes != null ? `${formatBytes(meta.bytes)} (${formatCount(meta.bytes)} bytes)` : '–'],
            ['Capture time', meta.captureTime ? formatCameraTime(meta.captureTime) : 'unknown'],
            ['Camera', meta.camera ? [meta.camera.make, meta.camera.model].filter(Boolean).join(' ') || 'unknown' : 'unknown'],
            ['Orientation', meta.orientation != null
                ? `${meta.orientation}${ORIENTATIONS[meta.orientation] ? ' (' + ORIENTATIONS[meta.orientation] + ')' : ''}` : '–'],
            ['GPS', gpsCell(meta.gps)],
            ['Stored at', formatTime(meta.storedAt) || '–'],
        ];
        $('#image-meta').tBodies[0].replaceChildren(...facts.map(([label, value]) =>
            el('tr', {}, el('th', {scope: 'row', text: label}), el('td', {}, value))));

        syncTable($('#image-uploads'), meta.uploads || [], (u) => u.uploadId, (u) =>
            el('tr', {class: u.current === false ? 'upload removed' : 'upload'},
                el('td', {text: u.source || ''}), el('td', {class: 'path', text: u.path || ''}),
                el('td', {}, el('time', {datetime: u.receivedAt, text: formatTime(u.receivedAt)})),
                el('td', {text: u.receivedBy || ''}),
                el('td', {text: u.current === false ? 'removed or replaced' : 'current'})), () => {}, 'No uploads.');

        syncTable($('#image-replicas'), meta.replicas || [], (r) => `${r.node}/${r.volume}`, (r) =>
            el('tr', {class: 'replica'}, el('td', {text: r.node || ''}), el('td', {text: r.volume || ''}),
                el('td', {}, el('time', {datetime: r.storedAt, text: formatTime(r.storedAt)}))), () => {}, 'No copies.');
    }

    /** Coordinates with a link to the map site: only a link, nothing of it is loaded into this page. */
    function gpsCell(gps) {
        if (!gps || gps.latitude == null || gps.longitude == null) return 'none';
        const lat = Number(gps.latitude);
        const lon = Number(gps.longitude);
        const text = `${lat.toFixed(6)}, ${lon.toFixed(6)}${gps.altitude != null ? `, ${Number(gps.altitude).toFixed(0)} m` : ''}`;
        return el('span', {}, `${text} `,
            el('a', {id: 'image-gps', href: `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}`,
                target: '_blank', rel: 'noopener noreferrer', text: 'show on OpenStreetMap'}));
    }

    async function purgeImage() {
        const id = imageShown;
        if (!id || !confirm(`Purge image ${id}? Every copy and rendition is deleted.`)) return;
        const button = $('#image-purge');
        button.disabled = true;
        try {
            await api('DELETE', `/images/${enc(id)}`);
            clearError();
            setText($('#image-purged'), 'Image purged');
            $('#image-purged').hidden = false;
        } catch (e) {
            button.disabled = false;
            report(e);
        }
    }

    /* ------------------------------------------------------------------------------------------------------------
     * Alerts
     * ---------------------------------------------------------------------------------------------------------- */

    function showAlerts() {
        updateRuleKindFields();
        poll(loadAlerts, 3000);
    }

    async function loadAlerts(token = pollToken) {
        const [rules, firings] = await Promise.all([
            api('GET', '/admin/alerts/rules'),
            api('GET', '/admin/alerts/firings?limit=50'),
        ]);
        if (token !== pollToken) return;
        syncTable($('#rules'), rules || [], (r) => r.name, createRuleRow, updateRuleRow, 'No rules yet.');
        syncTable($('#firings'), firings || [], (f) => f.id, createFiringRow, updateFiringRow, 'Nothing fired yet.');
    }

    /** What a rule looks for, in a line. */
    function criteriaText(rule) {
        if (rule.kind === 'silence') {
            return `no upload from ${rule.sources || '?'} for ${formatDuration(rule.silentFor)}`;
        }
        const match = rule.match || {};
        return Object.entries(match).filter(([, v]) => v != null).map(([key, v]) => {
            if (key === 'capturedBetween') return `captured between ${v.from}–${v.to}`;
            if (key === 'area') return `area ${v.south},${v.west} .. ${v.north},${v.east}`;
            return `${key} ${v}`;
        }).join(', ') || '–';
    }

    function createRuleRow(rule) {
        const row = el('tr', {class: 'rule', 'data-rule': rule.name},
            el('td', {class: 'name', text: rule.name}),
            el('td', {class: 'kind'}),
            el('td', {class: 'criteria'}),
            el('td', {class: 'webhook'}),
            el('td', {class: 'enabled'}),
            el('td', {class: 'firings num'}),
            el('td', {class: 'last-fired'}),
            el('td', {class: 'silent-since'}),
            el('td', {class: 'actions'},
                el('button', {type: 'button', class: 'toggle-rule', onclick: () => toggleRule(row)}),
                el('button', {type: 'button', class: 'delete-rule danger', text: 'Delete',
                    'aria-label': `Delete rule ${rule.name}`, onclick: () => deleteRule(row.dataset.rule)})));
        return row;
    }

    function updateRuleRow(row, rule) {
        row.dataset.enabled = String(!!rule.enabled);
        row.classList.toggle('disabled', !rule.enabled);
        setText($('.kind', row), rule.kind);
        setText($('.criteria', row), criteriaText(rule));
        setText($('.webhook', row), rule.webhook && rule.webhook.url ? rule.webhook.url : '–');
        setText($('.enabled', row), yesNo(rule.enabled));
        setText($('.firings', row), formatCount(rule.firings));
        setText($('.last-fired', row), rule.lastFiredAt ? formatTime(rule.lastFiredAt) : 'never');
        setText($('.silent-since', row), rule.silentSince ? formatTime(rule.silentSince) : '–');
        const toggle = $('.toggle-rule', row);
        setText(toggle, rule.enabled ? 'Disable' : 'Enable');
        toggle.setAttribute('aria-label', `${rule.enabled ? 'Disable' : 'Enable'} rule ${rule.name}`);
    }

    function createFiringRow(firing) {
        return el('tr', {class: 'firing', 'data-rule': firing.rule, 'data-firing': firing.id},
            el('td', {}, el('time', {datetime: firing.firedAt, text: formatTime(firing.firedAt)})),
            el('td', {class: 'rule-name', text: firing.rule}),
            el('td', {class: 'kind', text: firing.kind}),
            el('td', {class: 'reason', text: firing.reason || ''}),
            el('td', {class: 'image'}, firing.imageId
                ? el('a', {href: `#image/${firing.imageId}`, title: `Image ${firing.imageId}`},
                    el('img', {src: `/images/${enc(firing.imageId)}?w=64&h=64&fit=cover`, width: 64, height: 64,
                        loading: 'lazy', alt: `Image ${firing.imageId.slice(0, 12)}…`}))
                : '–'),
            el('td', {class: 'webhook-state'}));
    }

    /** Only the webhook's state changes once a firing exists. */
    function updateFiringRow(row, firing) {
        const call = firing.webhook;
        let text = 'no webhook';
        let state = 'none';
        if (call && call.deliveredAt) {
            text = `delivered ${formatTime(call.deliveredAt)} (attempt ${call.attempts})`;
            state = 'delivered';
        } else if (call) {
            text = `${call.attempts} attempt${call.attempts === 1 ? '' : 's'}`
                + (call.nextAttemptAt ? `, next ${formatTime(call.nextAttemptAt)}` : call.attempts ? ', gave up' : ', pending')
                + (call.lastError ? `; last error: ${call.lastError}` : '');
            state = call.nextAttemptAt || !call.attempts ? 'pending' : 'failed';
        }
        const cell = $('.webhook-state', row);
        setText(cell, text);
        cell.dataset.state = state;
    }

    async function toggleRule(row) {
        const name = row.dataset.rule;
        const enable = row.dataset.enabled !== 'true';
        try {
            await api('PUT', `/admin/alerts/rules/${enc(name)}`, {enabled: enable});
            clearError();
            showNotice(`Rule ${name} ${enable ? 'enabled' : 'disabled'}.`);
            await loadAlerts();
        } catch (e) {
            report(e);
        }
    }

    async function deleteRule(name) {
        if (!confirm(`Delete rule ${name}? Its firings and their pending webhook calls are deleted with it.`)) return;
        try {
            await api('DELETE', `/admin/alerts/rules/${enc(name)}`);
            clearError();
            showNotice(`Rule ${name} deleted.`);
            await loadAlerts();
        } catch (e) {
            report(e);
        }
    }

    function updateRuleKindFields() {
        const silence = $('#rule-kind').value === 'silence';
        $('#rule-image-fields').hidden = silence;
        $('#rule-silence-fields').hidden = !silence;
    }

    /** The POST body from the form: only the fields given (the server says what is missing). */
    function ruleFromForm() {
        const value = (selector) => $(selector).value.trim();
        const body = {name: value('#rule-name'), kind: $('#rule-kind').value};
        if (body.kind === 'image') {
            const match = {};
            for (const [key, selector] of [['source', '#rule-source'], ['path', '#rule-path'],
                ['format', '#rule-format'], ['cameraMake', '#rule-camera']]) {
                if (value(selector)) match[key] = value(selector);
            }
            const from = value('#rule-captured-from');
            const to = value('#rule-captured-to');
            if (from && to) match.capturedBetween = {from, to};
            else if (from || to) throw new ApiError(0, 'Give both ends of the capture time window, or neither.');
            if (Object.keys(match).length) body.match = match;
        } else {
            if (value('#rule-sources')) body.sources = value('#rule-sources');
            const minutes = value('#rule-silent-for');
            if (minutes) {
                if (!/^\d+$/.test(minutes) || Number(minutes) < 1) {
                    throw new ApiError(0, 'Silent for: a whole number of minutes, 1 or more.');
                }
                body.silentFor = `PT${Number(minutes)}M`;
            }
        }
        if (value('#rule-webhook')) body.webhook = {url: value('#rule-webhook')};
        return body;
    }

    async function createRule(event) {
        event.preventDefault();
        const secret = $('#rule-secret');
        secret.hidden = true;
        secret.replaceChildren();
        $('#rule-submit').disabled = true;
        try {
            const rule = await api('POST', '/admin/alerts/rules', ruleFromForm());
            clearError();
            showNotice(`Rule ${rule.name} created.`);
            if (rule.webhook && rule.webhook.secret) {
                // the server shows a generated secret in this answer only
                secret.append(`Webhook secret of ${rule.name} (shown only now: keep it to check the signatures): `,
                    el('code', {class: 'secret-value', text: rule.webhook.secret}));
                secret.hidden = false;
            }
            event.target.reset();
            updateRuleKindFields();
            await loadAlerts();
        } catch (e) {
            report(e);
        } finally {
            $('#rule-submit').disabled = false;
        }
    }

    /* ------------------------------------------------------------------------------------------------------------
     * Login, logout, routing
     * ---------------------------------------------------------------------------------------------------------- */

    const views = {cluster: showCluster, sources: showSources, browse: showBrowse, image: showImage, alerts: showAlerts};

    /** #browse?source=x → {name: 'browse', arg: '', params}; #image/<id> → {name: 'image', arg: '<id>'}. */
    function parseHash() {
        const raw = location.hash.replace(/^#/, '');
        const q = raw.indexOf('?');
        const path = q < 0 ? raw : raw.slice(0, q);
        const slash = path.indexOf('/');
        return {
            name: slash < 0 ? path : path.slice(0, slash),
            arg: slash < 0 ? '' : path.slice(slash + 1),
            params: new URLSearchParams(q < 0 ? '' : raw.slice(q + 1)),
        };
    }

    function route() {
        if (!credentials) return;
        const r = parseHash();
        if (!views[r.name]) {
            location.replace('#cluster'); // fires hashchange, which routes again
            return;
        }
        stopPolling();
        showNotice('');
        $$('main > section.view').forEach((s) => { s.hidden = s.id !== `view-${r.name}`; });
        $$('nav a').forEach((a) => {
            if (a.getAttribute('href') === `#${r.name}`) a.setAttribute('aria-current', 'page');
            else a.removeAttribute('aria-current');
        });
        views[r.name](r);
    }

    function showApp(loggedIn) {
        $('#login').hidden = loggedIn;
        $('nav').hidden = !loggedIn;
        $('#session').hidden = !loggedIn;
        $('#main').hidden = !loggedIn;
        setText($('#session-user'), loggedIn ? credentials.user : '');
    }

    async function logIn(event) {
        event.preventDefault();
        const user = $('#login-user').value.trim();
        const password = $('#login-password').value;
        const error = $('#login-error');
        error.hidden = true;
        if (!user || !password) {
            setText(error, 'Give a user name and a password.');
            error.hidden = false;
            return;
        }
        $('#login-submit').disabled = true;
        try {
            await api('GET', '/admin/cluster', undefined, {user, password}); // any admin call proves the account
            sessionStorage.setItem(STORAGE_USER, user);
            sessionStorage.setItem(STORAGE_PASSWORD, password);
            enter({user, password});
        } catch (e) {
            setText(error, e.status === 401 ? 'wrong user name or password' : e.message);
            error.hidden = false;
        } finally {
            $('#login-submit').disabled = false;
        }
    }

    function enter(account) {
        credentials = account;
        $('#login-password').value = '';
        $('#login-error').hidden = true;
        clearError();
        showApp(true);
        if (views[parseHash().name]) route(); // a deep link opened before logging in
        else location.replace('#cluster');
    }

    /** Forgets the account (sessionStorage holds nothing else of this page) and every view's data. */
    function logOut(reason) {
        stopPolling();
        credentials = null;
        sessionStorage.clear();
        imageShown = null;
        browse.generation++;
        ['#nodes', '#sources', '#rules', '#firings', '#image-meta', '#image-uploads', '#image-replicas']
            .forEach((t) => $(t).tBodies[0].replaceChildren());
        $('#browse-results').replaceChildren();
        $('#rule-secret').replaceChildren();
        $('#rule-secret').hidden = true;
        clearError();
        showNotice('');
        showApp(false);
        // logging out: the next login starts at the cluster view; a session that ended by itself resumes where it was
        if (!reason) history.replaceState(null, '', location.pathname + location.search);
        const error = $('#login-error');
        setText(error, reason || '');
        error.hidden = !reason;
        $('#login-user').focus();
    }

    function start() {
        $('#login').addEventListener('submit', logIn);
        $('#logout').addEventListener('click', () => logOut());
        $('#new-source').addEventListener('submit', createSource);
        $('#browse-filter').addEventListener('submit', applyBrowseFilter);
        $('#browse-more').addEventListener('click', () => searchUploads(true));
        $('#image-purge').addEventListener('click', purgeImage);
        $('#rule-kind').addEventListener('change', updateRuleKindFields);
        $('#new-rule').addEventListener('submit', createRule);
        window.addEventListener('hashchange', route);

        const user = sessionStorage.getItem(STORAGE_USER);
        const password = sessionStorage.getItem(STORAGE_PASSWORD);
        if (user && password) {
            enter({user, password}); // a reload within the session; a 401 on the first call brings the form back
        } else {
            showApp(false);
            $('#login-user').focus();
        }
    }

    start();
})();
