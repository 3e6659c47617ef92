// Set at deploy time: where the Bantin API answers, as seen from readers' browsers.
export default {
  apiBaseUrl: 'http://localhost:8080',
};
