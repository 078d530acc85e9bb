/* Graph views with Cytoscape.js (vendored): the network page and the country actor graph. */
"use strict";
(function () {
  var PALETTE = ["#2171b5", "#d7301f", "#238b45", "#6a51a3", "#ec7014", "#88419d", "#02818a", "#cb181d", "#525252", "#ce1256"];

  function readData(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  function highlightOnTap(cy) {
    cy.on("tap", "node", function (e) {
      cy.elements().addClass("faded");
      e.target.closedNeighborhood().removeClass("faded");
    });
    cy.on("tap", function (e) { if (e.target === cy) cy.elements().removeClass("faded"); });
  }

  function network() {
    var data = readData("network-data");
    var container = document.getElementById("network-graph");
    if (!data || !container || typeof cytoscape === "undefined") return;
    var maxB = Math.max.apply(null, data.nodes.map(function (n) { return n.betweenness || 0; }).concat([1e-9]));
    var elements = data.nodes.map(function (n) {
      return {data: {id: n.id, label: n.id, size: 14 + 36 * ((n.betweenness || 0) / maxB),
                     colour: PALETTE[(n.community || 0) % PALETTE.length]}};
    }).concat(data.edges.map(function (e, i) {
      return {data: {id: "e" + i, source: e.source, target: e.target, weight: e.weight}};
    }));
    var cy = cytoscape({
      container: container, elements: elements,
      style: [
        {selector: "node", style: {"background-color": "data(colour)", width: "data(size)", height: "data(size)",
          label: "data(label)", "font-size": 8, color: "#1f2a44", "text-valign": "center", "text-halign": "right"}},
        {selector: "edge", style: {width: "mapData(weight, 1, 10, 0.6, 4)", "line-color": "#b8c2d6", opacity: 0.8}},
        {selector: ".faded", style: {opacity: 0.12}}
      ],
      layout: {name: "cose", animate: false, randomize: false, nodeRepulsion: 9000, idealEdgeLength: 60},
      maxZoom: 3, minZoom: 0.1
    });
    highlightOnTap(cy);
    container.setAttribute("data-ready", "1");
  }

  function actors() {
    var data = readData("actor-data");
    var container = document.getElementById("actor-graph");
    if (!data || !container || typeof cytoscape === "undefined") return;
    var elements = data.nodes.map(function (n) {
      return {data: {id: n.id, label: n.label, kind: n.kind}};
    }).concat(data.edges.map(function (e, i) {
      return {data: {id: "a" + i, source: e.source, target: e.target, label: e.label, weight: e.weight},
              classes: e.directed === false ? "undirected" : ""};
    }));
    var cy = cytoscape({
      container: container, elements: elements,
      style: [
        {selector: "node", style: {label: "data(label)", "font-size": 9, "background-color": "#d7301f", width: 18, height: 18}},
        {selector: "node[kind = 'market']", style: {"background-color": "#ec7014", shape: "round-rectangle"}},
        {selector: "node[kind = 'country']", style: {"background-color": "#2171b5", shape: "diamond"}},
        {selector: "edge", style: {label: "data(label)", "font-size": 7, width: "mapData(weight, 1, 10, 1, 5)",
          "line-color": "#b8c2d6", "target-arrow-shape": "triangle", "target-arrow-color": "#b8c2d6",
          "curve-style": "bezier", color: "#52607a"}},
        {selector: "edge.undirected", style: {"target-arrow-shape": "none", "line-style": "dashed"}},
        {selector: ".faded", style: {opacity: 0.12}}
      ],
      layout: {name: "cose", animate: false, padding: 20},
      maxZoom: 1.6, minZoom: 0.2
    });
    highlightOnTap(cy);
    container.setAttribute("data-ready", "1");
  }

  network();
  actors();
})();
