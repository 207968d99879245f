// CloudFront Function (cloudfront-js-2.0), viewer request of the static site's default behaviour.
// The web app routes on the client: a page path (/, /signup, /login/continue, /app/jobs/…) has no
// file behind it, so it is answered with /index.html; a file path (/assets/index-3f2a1b.js,
// /openapi.json) is left alone, and a missing file stays a 404. /crm/* and /portal/* are separate
// behaviours that never run this function; /crm and /portal themselves are not pages either.
// Error-page rewrites would do the same for pages but would also turn every 404 into index.html.

var notPages = ['/crm', '/portal'];

function isPage(uri) {
  for (var i = 0; i < notPages.length; i++) {
    var prefix = notPages[i];
    if (uri === prefix || uri.startsWith(prefix + '/')) return false;
  }
  var last = uri.slice(uri.lastIndexOf('/') + 1);
  return last.indexOf('.') === -1;
}

// eslint-disable-next-line @typescript-eslint/no-unused-vars -- CloudFront calls it by name
function handler(event) {
  var request = event.request;
  if (isPage(request.uri)) request.uri = '/index.html';
  return request;
}
