// SharedWorker behind capacity-events.js. It keeps one EventSource to the capacity event stream for every tab of
// this origin and forwards each change to every connected tab.
"use strict";

var ports = new Set();
var source = null;
var streamUrl = null;
var retryMillis = 5000;
var MAX_RETRY_MILLIS = 60000;

function forward(change) {
    ports.forEach(function (port) {
        port.postMessage(change);
    });
}

function openStream() {
    if (source !== null || streamUrl === null) {
        return;
    }
    source = new EventSource(streamUrl);
    source.addEventListener("open", function () {
        retryMillis = 5000;
    });
    source.addEventListener("capacity", function (event) {
        forward(JSON.parse(event.data));
    });
    source.addEventListener("error", function () {
        // EventSource retries by itself after a dropped connection, but gives up for good after an error status
        // such as 401 when the session ended. Then the worker tries again later, with a growing wait.
        if (source.readyState === EventSource.CLOSED) {
            source = null;
            setTimeout(function () {
                if (ports.size > 0) {
                    openStream();
                    // Changes made while the stream was closed were missed, so every tab reloads its figures.
                    forward({serviceId: null});
                }
            }, retryMillis);
            retryMillis = Math.min(retryMillis * 2, MAX_RETRY_MILLIS);
        }
    });
}

self.onconnect = function (event) {
    var port = event.ports[0];
    port.onmessage = function (message) {
        var data = message.data || {};
        if (data.type === "connect") {
            streamUrl = data.url;
            ports.add(port);
            openStream();
        } else if (data.type === "disconnect") {
            ports.delete(port);
        }
    };
    port.start();
};
