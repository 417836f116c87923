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
        c.find(Locator::Id("path-from"))
            .await
            .unwrap()
            .send_keys("Blinken")
            .await
            .unwrap();
        c.find(Locator::Id("path-to"))
            .await
            .unwrap()
            .send_keys("Nechirvan Barzani")
            .await
            .unwrap();
        c.find(Locator::Id("path-go"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
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

        c.find(Locator::Id("ng-from"))
            .await
            .unwrap()
            .send_keys("Antony Blinken")
            .await
            .unwrap();
        c.find(Locator::Id("ng-to"))
            .await
            .unwrap()
            .send_keys("Nechirvan Barzani")
            .await
            .unwrap();
        c.find(Locator::Id("ng-go"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
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
        let png = c.screenshot().await.unwrap();
        assert!(not_blank(&png), "the screenshot is not blank");
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
