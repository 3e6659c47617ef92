// Starts Redoc on the API reference page (a classic script beside Redoc's bundle: the page allows no inline script).
/* global Redoc */
Redoc.init('openapi.json', { expandResponses: '200,201', jsonSampleExpandLevel: 3 }, document.getElementById('reference'));
