//! PNG and PDF without Graphviz: the embedded renderer's SVG turned into pixels
//! (resvg) or a vector PDF page (svg2pdf), in-process. Graphviz, when present,
//! still draws PNG and PDF itself (its own layout); this is what a machine
//! without it gets instead of an error.

use crate::error::{Error, Result};
use resvg::{tiny_skia, usvg};
use std::sync::{Arc, OnceLock};

/// The system's fonts, loaded once: labels need a face to be drawn, and
/// loading scans the font folders (tens of milliseconds).
fn fonts() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_system_fonts();
        // The SVG asks for Helvetica, Arial or sans-serif; fontdb maps the
        // generic name to Arial, which a Linux machine rarely has.
        let preferred = ["DejaVu Sans", "Liberation Sans", "Noto Sans", "FreeSans"];
        let families: Vec<String> = db
            .faces()
            .flat_map(|f| f.families.iter().map(|(name, _)| name.clone()))
            .collect();
        let pick = preferred
            .iter()
            .find(|p| families.iter().any(|f| f == *p))
            .map(|p| p.to_string())
            .or_else(|| families.first().cloned());
        if let Some(family) = pick {
            db.set_sans_serif_family(family);
        }
        Arc::new(db)
    })
    .clone()
}

/// Whether any font was found: without one, labels cannot be drawn.
pub fn has_fonts() -> bool {
    !fonts().is_empty()
}

fn parse(svg: &str) -> Result<usvg::Tree> {
    let opts = usvg::Options {
        fontdb: fonts(),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &opts).map_err(|e| Error::Render(format!("SVG not readable: {e}")))
}

/// Most pixels in a PNG (40 megapixels, 160 MB while drawing): a huge graph
/// at a high resolution would otherwise ask for gigabytes.
pub const MAX_PNG_PIXELS: f32 = 40e6;

/// A PNG of an SVG at `dpi` dots per inch (an SVG unit being a CSS pixel, 1/96
/// inch), scaled down to at most [`MAX_PNG_PIXELS`].
pub fn svg_to_png(svg: &str, dpi: u32) -> Result<Vec<u8>> {
    png_within(svg, dpi, MAX_PNG_PIXELS)
}

fn png_within(svg: &str, dpi: u32, max_pixels: f32) -> Result<Vec<u8>> {
    let tree = parse(svg)?;
    let size = tree.size();
    let mut scale = dpi.max(1) as f32 / 96.0;
    let pixels = size.width() * size.height() * scale * scale;
    if pixels > max_pixels {
        scale *= (max_pixels / pixels).sqrt();
    }
    let (w, h) = (
        (size.width() * scale).ceil().max(1.0) as u32,
        (size.height() * scale).ceil().max(1.0) as u32,
    );
    let mut pixmap = tiny_skia::Pixmap::new(w, h)
        .ok_or_else(|| Error::Render(format!("cannot make a {w}x{h} image")))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| Error::Render(format!("PNG encoding failed: {e}")))
}

/// A one-page PDF of an SVG, text kept as text (searchable, sharp at any zoom).
pub fn svg_to_pdf(svg: &str) -> Result<Vec<u8>> {
    let tree = parse(svg)?;
    svg2pdf::to_pdf(
        &tree,
        svg2pdf::ConversionOptions::default(),
        svg2pdf::PageOptions::default(),
    )
    .map_err(|e| Error::Render(format!("PDF conversion failed: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100" font-family="Helvetica,Arial,sans-serif"><rect width="100%" height="100%" fill="white"/><circle cx="50" cy="50" r="30" fill="#c33"/><text x="100" y="55" font-size="14">Kyiv</text></svg>"##;

    #[test]
    fn png_has_the_size_the_dpi_asks_and_ink_where_drawn() {
        let png = svg_to_png(SVG, 192).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        // IHDR: width and height, big-endian, at bytes 16..24.
        let w = u32::from_be_bytes(png[16..20].try_into().unwrap());
        let h = u32::from_be_bytes(png[20..24].try_into().unwrap());
        assert_eq!((w, h), (400, 200));
    }

    #[test]
    fn pdf_is_a_pdf_and_bad_svg_is_an_error() {
        let pdf = svg_to_pdf(SVG).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        assert!(svg_to_png("<svg", 96).is_err());
        assert!(svg_to_pdf("not svg").is_err());
    }

    #[test]
    fn a_huge_drawing_is_scaled_to_the_limit() {
        let big = SVG.replace("0 0 200 100", "0 0 100000 50000");
        let png = png_within(&big, 96, 20_000.0).unwrap();
        let w = u32::from_be_bytes(png[16..20].try_into().unwrap());
        let h = u32::from_be_bytes(png[20..24].try_into().unwrap());
        // Rounded up to whole pixels.
        assert!(
            (200..=201).contains(&w) && (100..=101).contains(&h),
            "{w}x{h}"
        );
    }
}
