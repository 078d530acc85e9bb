/* Document upload: send the form with fetch, then poll the job until extraction is done. */
"use strict";
(function () {
  var form = document.getElementById("upload-form");
  var box = document.getElementById("job");
  if (!form || !box) return;
  var bar = box.querySelector(".progress span");
  var status = document.getElementById("job-status");
  var list = document.getElementById("job-documents");

  function render(job) {
    box.hidden = false;
    bar.style.width = Math.round((job.progress || 0) * 100) + "%";
    var message = job.message && job.message !== job.status ? ": " + job.message : "";
    status.textContent = job.status + message + (job.error ? " — " + job.error : "");
    box.setAttribute("data-status", job.status);
    list.textContent = "";
    ((job.result && job.result.documents) || []).forEach(function (id) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = "/documents/" + encodeURIComponent(id);
      a.textContent = "Review document " + id;
      li.appendChild(a);
      list.appendChild(li);
    });
    if (job.status === "done" && job.result && job.result.duplicates && !(job.result.documents || []).length) {
      status.textContent = "done: this document was already ingested";
    }
  }

  function poll(id) {
    fetch("/api/v1/jobs/" + encodeURIComponent(id)).then(function (r) { return r.json(); }).then(function (job) {
      render(job);
      if (job.status === "queued" || job.status === "running") {
        setTimeout(function () { poll(id); }, 400);
      } else if (job.status === "done" && !reloaded) {
        location.replace("/documents?job=" + encodeURIComponent(id));  // refresh the document list
      }
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var data = new FormData(form);
    ["country", "source", "grade", "date"].forEach(function (k) { if (!data.get(k)) data.delete(k); });
    render({status: "uploading", progress: 0});
    fetch("/api/v1/documents", {method: "POST", body: data}).then(function (r) {
      return r.json().then(function (body) { return {ok: r.ok, body: body}; });
    }).then(function (res) {
      if (!res.ok) { render({status: "failed", progress: 0, error: res.body.detail || "upload refused"}); return; }
      render(res.body);
      poll(res.body.id);
    });
  });

  var existing = box.getAttribute("data-job");
  var reloaded = Boolean(existing);
  if (existing && box.getAttribute("data-status") !== "done") poll(existing);
})();
