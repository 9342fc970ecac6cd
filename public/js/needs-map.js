// Progressive enhancement of the needs map: with JavaScript, a Leaflet map (our own boundaries as GeoJSON,
// service places clustered) replaces the SVG map. Without it, or if anything fails, the SVG map stays.
// The table below the map is always on the page. No inline scripts or styles: the CSP forbids them.
(function () {
  'use strict';
  var container = document.getElementById('needs-leaflet');
  var L = window.L;
  if (!container || !L || !window.fetch) return;

  function text(tag, content, className) {
    var element = document.createElement(tag);
    element.textContent = content;
    if (className) element.className = className;
    return element;
  }

  function link(href, content) {
    var a = text('a', content, 'govuk-link');
    a.href = href;
    return a;
  }

  function areaPopup(p) {
    var box = document.createElement('div');
    box.appendChild(
      text(
        'p',
        p.name + ' (' + p.code + ')',
        'govuk-body-s govuk-!-font-weight-bold govuk-!-margin-bottom-1',
      ),
    );
    var lines = [
      'Need: ' + (p.need === null ? 'no data' : p.need.toFixed(1)),
      'Provision: ' + p.provision.toFixed(2) + ' from ' + p.services + ' services',
      'Gap: ' + p.gapClassLabel,
      'Nearest open service: ' +
        (p.nearestService ? p.nearestService + ', ' + p.nearestKm.toFixed(2) + ' km' : 'none'),
    ];
    lines.forEach(function (line) {
      box.appendChild(text('p', line, 'govuk-body-s govuk-!-margin-bottom-1'));
    });
    box.appendChild(link(p.explanation, 'Why: see the explanation'));
    return box;
  }

  function servicePopup(p) {
    var box = document.createElement('div');
    box.appendChild(link(p.href, p.name));
    return box;
  }

  function addTiles(map, url) {
    if (!url) return;
    var loaded = 0;
    var failed = 0;
    var tiles = L.tileLayer(url, {
      maxZoom: 19,
      attribution: 'Basemap: ' + new URL(url.replace(/[{}]/g, '')).host,
    });
    tiles.on('tileload', function () {
      loaded += 1;
    });
    tiles.on('tileerror', function () {
      failed += 1;
      // Tiles that cannot be reached leave the plain background.
      if (loaded === 0 && failed >= 4 && map.hasLayer(tiles)) map.removeLayer(tiles);
    });
    tiles.addTo(map);
  }

  function addTableLink(map) {
    var control = L.control({ position: 'topright' });
    control.onAdd = function () {
      var box = L.DomUtil.create('div', 'leaflet-bar cg-map-table-link');
      box.appendChild(link('#needs-table', 'Go to the table'));
      L.DomEvent.disableClickPropagation(box);
      return box;
    };
    control.addTo(map);
  }

  fetch(container.getAttribute('data-geojson'), { credentials: 'same-origin' })
    .then(function (response) {
      if (!response.ok) throw new Error('The map data could not be loaded');
      return response.json();
    })
    .then(function (data) {
      var areaFeatures = data.features.filter(function (f) {
        return f.properties.kind === 'area';
      });
      if (areaFeatures.length === 0) return;
      container.hidden = false;
      var svg = document.getElementById('needs-svg');
      if (svg) svg.hidden = true;
      var map = L.map(container, { keyboard: true, zoomSnap: 0.25, minZoom: 8, maxZoom: 19 });
      addTiles(map, container.getAttribute('data-tiles'));
      var areas = L.geoJSON(areaFeatures, {
        style: function (feature) {
          return { fillColor: feature.properties.fill, fillOpacity: 0.75, color: '#505a5f', weight: 1 };
        },
        onEachFeature: function (feature, layer) {
          layer.bindPopup(areaPopup(feature.properties));
          layer.bindTooltip(feature.properties.name + ': ' + feature.properties.gapClassLabel, {
            sticky: true,
          });
        },
      }).addTo(map);
      var clusters = L.markerClusterGroup({ showCoverageOnHover: false });
      data.features.forEach(function (feature) {
        if (feature.properties.kind !== 'service') return;
        var c = feature.geometry.coordinates;
        var marker = L.marker([c[1], c[0]], {
          title: feature.properties.name,
          alt: feature.properties.name,
          keyboard: true,
        });
        marker.bindPopup(servicePopup(feature.properties));
        clusters.addLayer(marker);
      });
      clusters.addTo(map);
      map.fitBounds(areas.getBounds(), { padding: [8, 8] });
      addTableLink(map);
      container.setAttribute('role', 'region');
      container.setAttribute(
        'aria-label',
        'Interactive map: ' +
          container.getAttribute('data-layer-label') +
          '. The table below gives every figure.',
      );
    })
    .catch(function () {
      // Whatever went wrong, the SVG map comes back.
      container.hidden = true;
      var svg = document.getElementById('needs-svg');
      if (svg) svg.hidden = false;
    });
})();
