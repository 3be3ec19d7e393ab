using PdfSharp.Drawing;
using QRCoder;

namespace Invoicing.Pdf.Components;

/// <summary>Draws a QR code as vector rectangles (one per run of dark modules): sharp at any zoom, no raster image.</summary>
internal static class QrCodeDrawing
{
    public static void Draw(XGraphics gfx, string payload, double x, double y, double size)
    {
        using var data = QRCodeGenerator.GenerateQrCode(payload, QRCodeGenerator.ECCLevel.M, forceUtf8: true);
        var matrix = data.ModuleMatrix;
        var count = matrix.Count;
        var module = size / count;
        for (var row = 0; row < count; row++)
        {
            var bits = matrix[row];
            var column = 0;
            while (column < count)
            {
                if (!bits[column])
                {
                    column++;
                    continue;
                }

                var start = column;
                while (column < count && bits[column])
                {
                    column++;
                }

                // A hair of overlap so viewers show no seams between modules.
                gfx.DrawRectangle(XBrushes.Black, x + (start * module), y + (row * module), ((column - start) * module) + 0.05, module + 0.05);
            }
        }
    }
}
