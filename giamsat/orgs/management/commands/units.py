"""``giamsat units load-vn [--province CODE]``: load Vietnam's provinces and communes."""

from django.core.management.base import BaseCommand
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from giamsat.orgs.vietnam import SOURCE, communes_of, load_vietnam, provinces


def _n(value: int) -> str:
    return number_format(value, force_grouping=True)


class Command(BaseCommand):
    help = _("Quản lý đơn vị. load-vn: nạp 34 tỉnh, thành phố và 3.321 xã, phường, đặc khu hiện hành.")

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="subcommand", required=True, title=_("lệnh"))
        load = sub.add_parser(
            "load-vn", help=_("nạp cây đơn vị hành chính hiện hành từ {source}").format(source=SOURCE)
        )
        load.add_argument("--province", metavar=_("MÃ"), help=_("chỉ nạp một tỉnh, thành phố (ví dụ 91)"))

    def handle(self, *args, subcommand, province=None, **options):
        chosen = provinces(province)  # refuses an unknown code before anything is written
        total = sum(len(communes_of(p)) for p in chosen)
        with self._progress(len(chosen)) as advance:
            result = load_vietnam(province=province, via="cli", progress=advance)
        self.stdout.write(
            _("Đã nạp {provinces} tỉnh, thành phố và {communes} xã, phường, đặc khu từ {source}: "
              "tạo mới {created}, đổi tên {renamed}, chuyển chỗ {moved}.").format(
                provinces=_n(result.provinces), communes=_n(total), source=SOURCE,
                created=_n(result.created), renamed=_n(len(result.renamed)), moved=_n(len(result.moved)),
            )
        )
        for line in result.renamed:
            self.stdout.write(f"  {line}")

    def _progress(self, steps: int):
        return _Progress(steps, self.stdout._out)


class _Progress:
    """A rich progress bar on a terminal; nothing when the output is a file or a pipe."""

    def __init__(self, steps: int, out):
        self.steps, self.out, self.bar = steps, out, None

    def __enter__(self):
        if not self.out.isatty():
            return lambda province: None
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                            console=Console(file=self.out))
        self.bar.start()
        task = self.bar.add_task(_("Đang nạp"), total=self.steps)

        def advance(province):
            self.bar.update(task, advance=1, description=province.name)

        return advance

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.stop()
        return False
