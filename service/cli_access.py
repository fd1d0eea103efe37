"""``kerjasama keys`` and ``kerjasama users``: who may use the service (issue 6).

Thin like the rest of the CLI: the stores in ``service.auth`` and
``service.users`` do the work; ``service.cli`` mounts these sub-commands.
"""

from __future__ import annotations

import sys

import typer

from service.cli_errors import cli_errors

keys_app = typer.Typer(help="Kunci API: buat, cabut, daftar.", no_args_is_help=True)


@keys_app.command("create")
def keys_create(
    role: str = typer.Option(..., help="viewer | staff | reviewer | admin"),
    region: str = typer.Option(None, help="kode Kemendagri: kunci hanya melihat wilayah ini"),
    label: str = typer.Option(None, help="untuk siapa kunci ini"),
) -> None:
    """Buat kunci dan tampilkan sekali (hanya hash-nya yang disimpan)."""
    from models import get_settings
    from service.auth import KeyStore, Role
    from service.indonesian import ROLE_LABELS

    with cli_errors():
        new = KeyStore.for_settings(get_settings()).create(
            Role.parse(role), region=region, label=label
        )
    scope = f", wilayah {new.region}" if new.region else ""
    role_name = ROLE_LABELS.get(str(new.role), str(new.role))
    print(f"kunci {new.id} ({role_name}{scope}); hanya ditampilkan sekali, simpan baik-baik:")
    print(new.key)


users_app = typer.Typer(help="Akun orang untuk halaman tinjauan.", no_args_is_help=True)


@users_app.command("create")
def users_create(
    name: str = typer.Argument(..., help="nama pengguna, mis. siti.rahma"),
    role: str = typer.Option(..., help="viewer | staff | reviewer | admin"),
    region: str = typer.Option(None, help="kode Kemendagri: pengguna hanya melihat wilayah ini"),
    password: str = typer.Option(
        ..., prompt="Kata sandi", hide_input=True, confirmation_prompt=True, help="min. 8 karakter"
    ),
) -> None:
    """Buat akun (kata sandi disimpan sebagai hash argon2)."""
    from models import KerjasamaError, get_settings
    from service.auth import Role
    from service.indonesian import ROLE_LABELS
    from service.users import UserStore

    try:
        user = UserStore.for_settings(get_settings()).create(
            name, password, Role.parse(role), region=region
        )
    except KerjasamaError as exc:
        print(f"{exc.code}: {exc.message}", file=sys.stderr)
        raise typer.Exit(code=2) from None
    scope = f", wilayah {user.region}" if user.region else ""
    print(f"akun {user.name} dibuat ({ROLE_LABELS.get(str(user.role), str(user.role))}{scope})")


@keys_app.command("revoke")
def keys_revoke(
    key_id: int = typer.Argument(..., help="nomor dari `kerjasama keys list`"),
) -> None:
    """Cabut kunci seketika."""
    from models import get_settings
    from service.auth import KeyStore

    with cli_errors():
        info = KeyStore.for_settings(get_settings()).revoke(key_id)
    print(f"kunci {info.id} dicabut")


@keys_app.command("list")
def keys_list() -> None:
    """Tampilkan kunci (nomor, awalan, peran, wilayah, label; kuncinya sendiri tidak pernah)."""
    from models import get_settings
    from service.auth import KeyStore
    from service.indonesian import ROLE_LABELS

    for info in KeyStore.for_settings(get_settings()).list():
        state = "dicabut" if info.revoked_at else "aktif"
        print(
            f"{info.id}\t{info.prefix}…\t{ROLE_LABELS.get(info.role, info.role)}\t"
            f"{info.region or '-'}\t{info.label or '-'}\t{state}"
        )
