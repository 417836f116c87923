//! The explorer in a real browser: Debian's chromium driven over WebDriver
//! (chromedriver). Opens the app, types a name into the search, opens the
//! actor, sees the call and its evidence sentence, runs a path search and sees
//! the path highlighted in the drawing, and checks a screenshot is not blank.
//!
//! Skips when chromedriver is not installed, unless NEWSGRAPH_TEST_BROWSER=1
//! (as CI sets it), in which case a missing browser fails the test.

mod common;
use common::*;
use fantoccini::{ClientBuilder, Locator};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// chromedriver on a free port; stopped when dropped.
struct Driver(Child, u16);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn chromedriver() -> Option<Driver> {
    let required = std::env::var("NEWSGRAPH_TEST_BROWSER").is_ok_and(|v| v == "1");
    let exe = [
        "chromedriver",
        "/usr/bin/chromedriver",
        "/usr/lib/chromium/chromedriver",
    ]
    .into_iter()
    .find(|e| {
        Command::new(e)
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    });
    let Some(exe) = exe else {
        assert!(
            !required,
            "NEWSGRAPH_TEST_BROWSER=1 but chromedriver is not installed"
        );
        eprintln!("note: chromedriver is not installed (apt-get install chromium chromium-driver): browser test skipped");
        return None;
    };
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port");
    let child = Command::new(exe)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromedriver");
    let start = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "chromedriver did not start"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    Some(Driver(child, port))
}

#[test]
fn search_open_an_actor_read_the_evidence_and_find_a_path() {
    let Some(driver) = chromedriver() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let st = s(&d.join("g.store"));
    ok(
        d,
        &["load", "--store", &st, &s(&article()), &s(&examples())],
    );
    let srv = serve(d, &st);
    let shots = d.to_path_buf();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async move {
        let c = session(driver.1).await;
        let wait = Duration::from_secs(20);
        c.goto(&srv.url("/")).await.unwrap();

        // Type a misspelled name; pick the suggestion.
        let search = c.find(Locator::Id("search")).await.unwrap();
        search.send_keys("blinkn").await.unwrap();
        let pick = c
            .wait()
            .at_most(wait)
            .for_element(Locator::Css("#suggestions li[data-id='antony-blinken']"))
            .await
            .expect("a suggestion for Blinken");
        pick.click().await.unwrap();

        // The actor view: the call to al-Kadhimi and its evidence sentence.
        let call = c
            .wait()
            .at_most(wait)
            .for_element(Locator::Css(".group[data-type='call'] .evidence"))
            .await
            .expect("the call's evidence");
        let text = call.text().await.unwrap();
        assert!(text.contains("al-Kadhimi"), "{text}");
        let mark = call
            .find(Locator::Css("mark"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(!mark.is_empty(), "the trigger is marked");
        assert!(c
            .current_url()
            .await
            .unwrap()
            .as_str()
            .contains("actor=antony-blinken"));
        c.wait()
            .at_most(wait)
            .for_element(Locator::Css("#drawing svg .node"))
            .await
            .expect("the ego network is drawn");
        let actor_png = c.screenshot().await.unwrap();
        std::fs::write(shots.join("actor.png"), &actor_png).unwrap();

        // The path finder: the path is listed and highlighted in the drawing.
        type_into(&c, "path-from", "Blinken").await;
        type_into(&c, "path-to", "Nechirvan Barzani").await;
        click_id(&c, "path-go").await;
        let hops = c
            .wait()
            .at_most(wait)
            .for_element(Locator::Css(".path[data-path='1']"))
            .await
            .expect("a path");
        let listed = hops.text().await.unwrap();
        assert!(
            listed.contains("Mustafa al-Kadhimi") && listed.contains("Nechirvan Barzani"),
            "{listed}"
        );
        let lit = c
            .wait()
            .at_most(wait)
            .for_element(Locator::Css("#drawing svg .node.highlight"))
            .await
            .expect("the path highlighted in the drawing");
        let _ = lit;
        let on_path = c
            .find_all(Locator::Css("#drawing svg .node.highlight"))
            .await
            .unwrap();
        assert_eq!(on_path.len(), 3, "three actors on the path");
        assert!(c
            .current_url()
            .await
            .unwrap()
            .as_str()
            .contains("path=Blinken"));
        let png = c.screenshot().await.unwrap();
        std::fs::write(shots.join("path.png"), &png).unwrap();
        // NEWSGRAPH_SCREENSHOTS=DIR keeps them (the README's come from there).
        if let Ok(keep) = std::env::var("NEWSGRAPH_SCREENSHOTS") {
            std::fs::write(
                std::path::Path::new(&keep).join("explorer-actor.png"),
                &actor_png,
            )
            .unwrap();
            std::fs::write(std::path::Path::new(&keep).join("explorer-path.png"), &png).unwrap();
        }
        for shot in [&actor_png, &png] {
            assert!(not_blank(shot), "the screenshot is not blank");
        }
        c.close().await.unwrap();
    });
}

/// `export --format html` opened from file:// with nothing served: the
/// embedded explorer finds a misspelled name, shows the actor's call with its
/// evidence sentence and trigger, and finds a path, lit in the drawing.
#[test]
fn the_exported_page_explores_offline_from_a_file() {
    let Some(driver) = chromedriver() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let st = s(&d.join("g.store"));
    ok(
        d,
        &["load", "--store", &st, &s(&article()), &s(&examples())],
    );
    let page = d.join("report.html");
    ok(
        d,
        &["export", "--store", &st, "-f", "html", "-o", &s(&page)],
    );
    let url = format!("file://{}", page.canonicalize().unwrap().display());
    // The served API answers the filtered questions the page answers offline.
    let srv = serve(d, &st);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async move {
        let c = session(driver.1).await;
        let wait = Duration::from_secs(20);
        c.goto(&url).await.unwrap();

        let search = c.find(Locator::Id("ng-q")).await.unwrap();
        search.send_keys("blinkn").await.unwrap();
        let pick = c
            .wait()
            .at_most(wait)
            .for_element(Locator::Css("#ng-hits li button"))
            .await
            .expect("a suggestion");
        assert_eq!(pick.text().await.unwrap(), "Antony Blinken");
        pick.click().await.unwrap();
        let groups = c.find_all(Locator::Css("#ng-out .ng-group")).await.unwrap();
        let mut seen = false;
        for g in groups {
            let t = g.text().await.unwrap();
            if t.starts_with("call") && t.contains("al-Kadhimi") {
                let mark = g.find(Locator::Css(".ng-evidence mark")).await.unwrap();
                assert!(!mark.text().await.unwrap().is_empty(), "trigger marked");
                seen = true;
            }
        }
        assert!(seen, "the call to al-Kadhimi with its evidence");

        type_into(&c, "ng-from", "Antony Blinken").await;
        type_into(&c, "ng-to", "Nechirvan Barzani").await;
        click_id(&c, "ng-go").await;
        let hops = c.find_all(Locator::Css("#ng-out .ng-group")).await.unwrap();
        assert!(hops.len() >= 2, "a path of two hops or more");
        let out = c
            .find(Locator::Id("ng-out"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            out.starts_with("Antony Blinken → Nechirvan Barzani"),
            "{out}"
        );
        let said = c
            .find_all(Locator::Css("#ng-out .ng-evidence"))
            .await
            .unwrap();
        assert_eq!(said.len(), hops.len(), "each hop with its evidence");
        let lit = c
            .find_all(Locator::Css("figure .node.ng-focus"))
            .await
            .unwrap();
        assert!(lit.len() >= 3, "the path lit in the drawing: {}", lit.len());

        // k shortest, types and a hop limit: the paths `newsgraph path` finds.
        let offline = |k: &'static str, hops: &'static str, types: &'static [&'static str]| {
            let c = c.clone();
            async move {
                for (id, v) in [("ng-k", k), ("ng-hops", hops)] {
                    let e = c.find(Locator::Id(id)).await.unwrap();
                    e.clear().await.unwrap();
                    if !v.is_empty() {
                        e.send_keys(v).await.unwrap();
                    }
                }
                for b in c.find_all(Locator::Css("#ng-types input")).await.unwrap() {
                    let v = b.attr("value").await.unwrap().unwrap();
                    let on = b.prop("checked").await.unwrap().as_deref() == Some("true");
                    if on != types.contains(&v.as_str()) {
                        b.click().await.unwrap();
                    }
                }
                click_id(&c, "ng-go").await;
                let mut seqs = Vec::new();
                for p in c.find_all(Locator::Css("#ng-out .ng-path")).await.unwrap() {
                    seqs.push(p.attr("data-nodes").await.unwrap().unwrap());
                }
                seqs
            }
        };
        let cli = |args: &[&str]| -> Vec<String> {
            let mut all = vec![
                "path",
                "--store",
                &st,
                "--format",
                "json",
                "Antony Blinken",
                "Nechirvan Barzani",
            ];
            all.extend_from_slice(args);
            let out = run(d, &all);
            if !out.status.success() {
                return Vec::new();
            }
            let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            path_ids(&v)
        };
        let three = offline("3", "", &[]).await;
        assert_eq!(three.len(), 3, "{three:?}");
        assert_eq!(three, cli(&["--k", "3"]));
        let lit = c
            .find_all(Locator::Css("figure .node.ng-focus"))
            .await
            .unwrap();
        assert!(lit.len() > 3, "every path lit: {}", lit.len());
        let typed = offline("2", "", &["call", "meet"]).await;
        assert!(!typed.is_empty());
        assert_eq!(typed, cli(&["--k", "2", "--type", "call,meet"]));
        assert!(
            offline("2", "1", &[]).await.is_empty(),
            "no path of one hop"
        );
        let said = c
            .find(Locator::Id("ng-out"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(said.contains("No path"), "{said}");
        assert_eq!(
            offline("5", "2", &[]).await,
            cli(&["--k", "5", "--max-hops", "2"])
        );

        // The document and actor-kind filters, as the served page's doc= and
        // kinds=: the same paths and relations as the API, held in the URL.
        let served = |q: String| -> Vec<String> {
            let r = srv.get(&format!(
                "/api/path?from=antony-blinken&to=nechirvan-barzani&k=3{q}"
            ));
            if r.status == 404 {
                return Vec::new();
            }
            assert_eq!(r.status, 200, "{}", r.body);
            let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
            path_ids(&v)
        };
        let unfiltered = offline("3", "", &[]).await;
        set_kinds(&c, &["person"]).await;
        let people = offline("3", "", &[]).await;
        assert!(!people.is_empty(), "a path among people");
        assert_eq!(people, served("&kinds=person".into()));
        set_kinds(&c, &["country"]).await;
        assert_eq!(offline("3", "", &[]).await, served("&kinds=country".into()));
        set_kinds(&c, &[]).await;
        let doc = c.find(Locator::Id("ng-doc")).await.unwrap();
        doc.select_by_value(ARTICLE_ID).await.unwrap();
        let in_doc = offline("3", "", &[]).await;
        assert!(!in_doc.is_empty(), "the path read in the article");
        assert_eq!(in_doc, served(format!("&doc={ARTICLE_ID}")));
        set_kinds(&c, &["person"]).await;
        let both = offline("3", "", &[]).await;
        assert_eq!(both, served(format!("&doc={ARTICLE_ID}&kinds=person")));
        assert!(
            both.len() < unfiltered.len() || both != unfiltered,
            "{both:?}"
        );

        // The actor view under the same filters: the relations the API lists.
        let evidence = |c: fantoccini::Client| async move {
            c.find_all(Locator::Css("#ng-out .ng-evidence"))
                .await
                .unwrap()
                .len()
        };
        c.find(Locator::Css("#ng-hits li button"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        let api = srv.json(&format!(
            "/api/actor/antony-blinken?doc={ARTICLE_ID}&kinds=person"
        ));
        let listed = api["relations"].as_array().unwrap().len();
        assert!(listed > 0);
        assert_eq!(evidence(c.clone()).await, listed);
        let out = c.find(Locator::Id("ng-out")).await.unwrap();
        let shown = out.text().await.unwrap();
        assert!(
            shown.contains("al-Kadhimi") && !shown.contains("United States"),
            "{shown}"
        );
        let link = url_with(&c, "kinds=person").await;
        assert!(
            link.contains("actor=antony-blinken") && link.contains(&format!("doc={ARTICLE_ID}")),
            "{link}"
        );

        // The link reopens the view: filters set, the same relations shown.
        c.goto("about:blank").await.unwrap();
        c.goto(&link).await.unwrap();
        let chosen = c
            .find(Locator::Id("ng-doc"))
            .await
            .unwrap()
            .prop("value")
            .await
            .unwrap();
        assert_eq!(chosen.as_deref(), Some(ARTICLE_ID));
        let person = c
            .find(Locator::Css("#ng-kinds input[value='person']"))
            .await
            .unwrap();
        assert_eq!(
            person.prop("checked").await.unwrap().as_deref(),
            Some("true")
        );
        assert_eq!(evidence(c.clone()).await, listed);
        let png = c.screenshot().await.unwrap();
        assert!(not_blank(&png), "the screenshot is not blank");
        c.close().await.unwrap();
    });
}

/// Ticks exactly these actor kinds in the offline page's filter.
async fn set_kinds(c: &fantoccini::Client, kinds: &[&str]) {
    for b in c.find_all(Locator::Css("#ng-kinds input")).await.unwrap() {
        let v = b.attr("value").await.unwrap().unwrap();
        let on = b.prop("checked").await.unwrap().as_deref() == Some("true");
        if on != kinds.contains(&v.as_str()) {
            b.click().await.unwrap();
        }
    }
}

/// Waits until the page's URL contains `part`.
async fn url_with(c: &fantoccini::Client, part: &str) -> String {
    let start = Instant::now();
    loop {
        let u = c.current_url().await.unwrap().to_string();
        if u.contains(part) {
            return u;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the URL never held {part}: {u}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// A real double click (two clicks of the left button) on an element.
async fn double_click(c: &fantoccini::Client, e: fantoccini::elements::Element) {
    use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
    let down = || PointerAction::Down {
        button: MOUSE_BUTTON_LEFT,
    };
    let up = || PointerAction::Up {
        button: MOUSE_BUTTON_LEFT,
    };
    let mouse = MouseActions::new("mouse".into())
        .then(PointerAction::MoveToElement {
            element: e,
            duration: None,
            x: 0.0,
            y: 0.0,
        })
        .then(down())
        .then(up())
        .then(down())
        .then(up());
    c.perform_actions(mouse).await.unwrap();
}

/// The served page's other views: double click expands a node, the PNG of
/// the drawing is made in the page, the timeline narrows the dates, the
/// document and kind filters travel in the URL, and the contact matrix shows
/// a cell's evidence.
#[test]
fn expand_png_timeline_filters_and_the_contact_matrix() {
    let Some(driver) = chromedriver() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let st = s(&d.join("g.store"));
    ok(
        d,
        &[
            "load",
            "--store",
            &st,
            &s(&article()),
            &s(&examples()),
            &s(&root().join("tests/data/dated-talks.jsonl")),
        ],
    );
    let srv = serve(d, &st);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async move {
        let c = session(driver.1).await;
        let wait = Duration::from_secs(20);
        let node = |id: &str| format!("#drawing svg .node[data-actor='{id}']");
        c.goto(&srv.url("/?actor=antony-blinken")).await.unwrap();
        let kadhimi = c
            .wait()
            .at_most(wait)
            .for_element(Locator::Css(&node("mustafa-al-kadhimi")))
            .await
            .expect("al-Kadhimi drawn beside Blinken");
        assert!(c
            .find(Locator::Css(&node("nechirvan-barzani")))
            .await
            .is_err());

        // The PNG: drawn by the page onto a canvas, a real PNG of the drawing's size.
        let png = c
            .wait()
            .at_most(wait)
            .for_element(Locator::Css("#download-png[data-ready]"))
            .await
            .expect("the PNG is made");
        let size = png.attr("data-ready").await.unwrap().unwrap();
        assert!(size.contains('x'), "PNG: {size}");
        // Read back as an image (the page may fetch nothing but its server):
        // its size, and the colours of its pixels.
        let seen = c
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 const a = document.getElementById('download-png');
                 const img = new Image();
                 img.onerror = () => done(['not an image', a.href]);
                 img.onload = () => {
                   const cv = document.createElement('canvas');
                   cv.width = img.naturalWidth; cv.height = img.naturalHeight;
                   const ctx = cv.getContext('2d');
                   ctx.drawImage(img, 0, 0);
                   const px = ctx.getImageData(0, 0, cv.width, cv.height).data;
                   const colours = new Set();
                   for (let i = 0; i < px.length; i += 4) colours.add(px[i] * 65536 + px[i + 1] * 256 + px[i + 2]);
                   done([img.naturalWidth + 'x' + img.naturalHeight, a.href.slice(0, 5), colours.size]);
                 };
                 img.src = a.href;",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(seen[0], size.as_str(), "{seen}");
        assert_eq!(seen[1], "blob:", "{seen}");
        assert!(seen[2].as_u64().unwrap() > 20, "a drawing, not a blank: {seen}");
        assert_eq!(
            png.attr("download").await.unwrap().as_deref(),
            Some("newsgraph.png")
        );

        // Double click al-Kadhimi: his neighbours join the drawing.
        double_click(&c, kadhimi).await;
        url_with(&c, "expand=mustafa-al-kadhimi").await;
        c.wait()
            .at_most(wait)
            .for_element(Locator::Css(&node("nechirvan-barzani")))
            .await
            .expect("Nechirvan Barzani joins the drawing");
        assert!(
            url_with(&c, "actor=antony-blinken").await.contains("actor=antony-blinken"),
            "the view stays on Blinken"
        );

        // The timeline: a bar narrows the dates to its own.
        let bar = c
            .wait()
            .at_most(wait)
            .for_element(Locator::Css("#timeline .bar"))
            .await
            .expect("a timeline under the drawing");
        let date = bar.attr("data-date").await.unwrap().unwrap();
        bar.click().await.unwrap();
        url_with(&c, &format!("since={date}&until={date}")).await;
        c.wait()
            .at_most(wait)
            .for_element(Locator::Css("#timeline .bar.on"))
            .await
            .expect("the chosen bar lit");
        let bars = c.find_all(Locator::Css("#timeline .bar")).await.unwrap();
        assert_eq!(bars.len(), 1, "only the chosen date is left");
        let dated = c.find_all(Locator::Css("#content .evidence")).await.unwrap();
        assert!(!dated.is_empty(), "the relations of {date}");
        for e in dated {
            let t = e.text().await.unwrap();
            assert!(t.contains(&format!("date {date}")), "{date}: {t}");
        }
        click_id(&c, "all-dates").await;
        let start = Instant::now();
        while c.current_url().await.unwrap().as_str().contains("since=") {
            assert!(start.elapsed() < wait, "All dates clears the range");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }

        // Document and kind filters: opened from the URL, applied, shown checked.
        c.goto(&srv.url(&format!(
            "/?actor=antony-blinken&doc={ARTICLE_ID}&kinds=person"
        )))
        .await
        .unwrap();
        c.wait()
            .at_most(wait)
            .for_element(Locator::Css(".group .evidence"))
            .await
            .expect("relations in the document");
        for e in c.find_all(Locator::Css("#content .evidence")).await.unwrap() {
            let t = e.text().await.unwrap();
            assert!(t.contains(&format!("document {ARTICLE_ID}")), "{t}");
        }
        let person = c
            .find(Locator::Css("#kinds input[value='person']"))
            .await
            .unwrap();
        assert_eq!(person.prop("checked").await.unwrap().as_deref(), Some("true"));
        let doc = c.find(Locator::Id("doc")).await.unwrap();
        assert_eq!(doc.prop("value").await.unwrap().as_deref(), Some(ARTICLE_ID));
        c.find(Locator::Css("#kinds input[value='country']"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        click_id(&c, "apply").await;
        url_with(&c, "kinds=person%2Ccountry").await;

        // The contact matrix: a cell's evidence.
        c.goto(&srv.url("/")).await.unwrap();
        type_into(&c, "contacts-ids", "Blinken, Kadhimi, Nechirvan Barzani").await;
        click_id(&c, "contacts-go").await;
        let cell = c
            .wait()
            .at_most(wait)
            .for_element(Locator::Css(
                "#matrix td.cell[data-row='antony-blinken'][data-col='mustafa-al-kadhimi']",
            ))
            .await
            .expect("Blinken contacted al-Kadhimi");
        let n: usize = cell.text().await.unwrap().parse().unwrap();
        assert!(n >= 1);
        url_with(&c, "contacts=Blinken").await;
        cell.click().await.unwrap();
        c.wait()
            .at_most(wait)
            .for_element(Locator::Css("#cell .evidence mark"))
            .await
            .expect("the cell's evidence");
        let said = c.find_all(Locator::Css("#cell .evidence")).await.unwrap();
        assert_eq!(said.len(), n, "one evidence sentence per event");
        let shot = c.screenshot().await.unwrap();
        assert!(not_blank(&shot), "the screenshot is not blank");
        c.close().await.unwrap();
    });
}

/// The plain HTTP connector WebDriver on loopback needs.
/// A headless chromium session through the chromedriver on `port`.
async fn session(port: u16) -> fantoccini::Client {
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({"args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                                     "--disable-dev-shm-usage", "--window-size=1400,1000"]}),
    );
    ClientBuilder::new(hyper_connector())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .expect("a WebDriver session")
}

fn hyper_connector() -> hyper_util::client::legacy::connect::HttpConnector {
    hyper_util::client::legacy::connect::HttpConnector::new()
}

/// Whether a PNG screenshot shows something: decoded, it has many colours
/// and no single colour covers nearly all of it.
fn not_blank(png: &[u8]) -> bool {
    let Ok(img) = resvg::tiny_skia::Pixmap::decode_png(png) else {
        return false;
    };
    let mut counts = std::collections::HashMap::new();
    for p in img.pixels() {
        *counts
            .entry((p.red(), p.green(), p.blue()))
            .or_insert(0usize) += 1;
    }
    let most = counts.values().copied().max().unwrap_or(0);
    counts.len() > 50 && most < img.pixels().len() * 95 / 100
}

/// The paths of a `path --format json` or `/api/path` answer from Blinken, each
/// as its actor ids joined by commas (the offline page shows them so).
fn path_ids(v: &serde_json::Value) -> Vec<String> {
    v["paths"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let mut ids = vec!["antony-blinken".to_string()];
            for h in p["hops"].as_array().unwrap() {
                ids.push(h["to"].as_str().unwrap().to_string());
            }
            ids.join(",")
        })
        .collect()
}

/// Types `text` into the element with id `id`.
async fn type_into(c: &fantoccini::Client, id: &str, text: &str) {
    c.find(Locator::Id(id))
        .await
        .unwrap()
        .send_keys(text)
        .await
        .unwrap();
}

/// Clicks the element with id `id`.
async fn click_id(c: &fantoccini::Client, id: &str) {
    c.find(Locator::Id(id))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
}
