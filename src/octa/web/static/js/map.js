/* World map: hover tooltip (name and score); clicks follow the SVG links to the country page. */
"use strict";
(function () {
  var map = document.getElementById("world-map");
  var tip = document.getElementById("map-tooltip");
  if (!map || !tip) return;
  function show(event) {
    var path = event.target.closest("path[data-iso3]");
    if (!path) { tip.hidden = true; return; }
    tip.textContent = "";
    var name = document.createElement("strong");
    name.textContent = path.getAttribute("data-name");
    var value = document.createElement("span");
    value.textContent = " " + path.getAttribute("data-value");
    tip.appendChild(name);
    tip.appendChild(value);
    var box = map.parentNode.getBoundingClientRect();
    tip.style.left = (event.clientX - box.left + 14) + "px";
    tip.style.top = (event.clientY - box.top + 14) + "px";
    tip.hidden = false;
  }
  map.addEventListener("mousemove", show);
  map.addEventListener("mouseleave", function () { tip.hidden = true; });
})();
