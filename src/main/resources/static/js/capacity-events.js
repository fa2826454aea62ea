// Live capacity updates for signed-in pages. Browsers allow only about six HTTP/1.1 connections per host, so
// every tab of this origin shares one server-sent event stream through a SharedWorker; without SharedWorker
// support, each tab opens its own EventSource.
//
// For each change the script dispatches on document.body:
//   "capacity-changed" with detail.serviceId (null when every service should be read again),
//   "capacity-changed-<serviceId>" for that service only, or "capacity-resync" when the id is null.
// Elements that show capacity reload themselves with hx-trigger="capacity-changed-17 from:body". The per-service
// name stands in for an htmx event filter, because filters need eval, which the Content Security Policy forbids.
(function () {
    "use strict";

    var script = document.currentScript;
    var eventsUrl = script.getAttribute("data-events-url");
    var workerUrl = script.getAttribute("data-worker-url");

    function announce(change) {
        var serviceId = change && change.serviceId !== undefined ? change.serviceId : null;
        document.body.dispatchEvent(new CustomEvent("capacity-changed", {detail: {serviceId: serviceId}}));
        if (serviceId === null) {
            document.body.dispatchEvent(new CustomEvent("capacity-resync"));
        } else {
            document.body.dispatchEvent(new CustomEvent("capacity-changed-" + serviceId, {detail: {serviceId: serviceId}}));
        }
    }

    function listenDirectly() {
        var source = new EventSource(eventsUrl);
        source.addEventListener("capacity", function (event) {
            announce(JSON.parse(event.data));
        });
        window.addEventListener("pagehide", function () {
            source.close();
        });
    }

    function listenThroughWorker() {
        var worker = new SharedWorker(workerUrl, {name: "onedoor-capacity-events"});
        worker.port.onmessage = function (message) {
            announce(message.data);
        };
        worker.port.start();
        worker.port.postMessage({type: "connect", url: eventsUrl});
        window.addEventListener("pagehide", function () {
            worker.port.postMessage({type: "disconnect"});
        });
        // A page restored from the back-forward cache sent "disconnect" when it was hidden, so it connects again.
        window.addEventListener("pageshow", function (event) {
            if (event.persisted) {
                worker.port.postMessage({type: "connect", url: eventsUrl});
            }
        });
    }

    if (!eventsUrl || !window.EventSource) {
        return;
    }
    if (window.SharedWorker) {
        try {
            listenThroughWorker();
            return;
        } catch (error) {
            // A browser may refuse a SharedWorker, for example in a private window; one stream per tab still works.
            console.warn("OneDoor: live capacity updates without a shared worker", error);
        }
    }
    listenDirectly();
})();
