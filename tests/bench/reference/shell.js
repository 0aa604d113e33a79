// The reference page's Module: where to draw and where to print (see shell_minimal.html).
var canvas = document.getElementById('canvas');
canvas.addEventListener('contextmenu', function (event) { event.preventDefault(); });
var Module = {
  preRun: [], postRun: [],
  print: function (text) { console.log(text); },
  printErr: function (text) { console.error(text); },
  canvas: canvas,
  setStatus: function (text) { if (text) console.log('status: ' + text); },
  monitorRunDependencies: function () {},
};
