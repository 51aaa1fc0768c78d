// The control tower's only script beside htmx: what a refreshing panel does when the answer is not a page.
(function () {
  var banner = function (text) {
    var el = document.getElementById('network-error');
    if (!el) { return; }
    el.textContent = text || '';
    el.hidden = !text;
  };
  document.addEventListener('htmx:afterRequest', function (e) {
    if (e.detail.successful) { banner(null); }
  });
  // No answer at all: the tower (or the network) is down. The panels keep polling and the banner goes on success.
  document.addEventListener('htmx:sendError', function () {
    banner('The control tower cannot be reached: the views refresh by themselves when it is back.');
  });
  document.addEventListener('htmx:responseError', function (e) {
    var status = e.detail.xhr.status;
    if (status === 499 || status === 401) {
      // The session ended: sign in again (Quarkus answers 499 to script requests instead of redirecting them).
      window.location.reload();
    } else {
      banner('The control tower answered ' + status + ': try again in a moment.');
    }
  });
})();
