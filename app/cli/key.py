"""`paneldesk key init|show`: create and show this user's Ed25519 identity key.

`key init` asks for a passphrase (or takes it from --passphrase-file /
PANELDESK_PASSPHRASE for scripts) and prints the fingerprint to read out to the
organizer.  `key show --json` prints {"fingerprint", "public_key", "path"}.
Imports are deferred to the handlers so other commands start fast.
"""

from __future__ import annotations

import argparse
import json


def register(sub: argparse._SubParsersAction) -> None:
    key = sub.add_parser("key", help="创建或查看本机的签名密钥")
    key_sub = key.add_subparsers(dest="key_command", metavar="ACTION")
    key.set_defaults(handler=lambda args: _help(key))

    init = key_sub.add_parser("init", help="创建签名密钥（私钥以口令加密保存）")
    init.add_argument("--passphrase-file", help="读取口令的文件（第一行）；也可用 PANELDESK_PASSPHRASE")
    init.add_argument("--force", action="store_true", help="替换已有的密钥（旧密钥将无法再使用）")
    init.set_defaults(handler=run_init)

    show = key_sub.add_parser("show", help="显示公钥指纹")
    show.add_argument("--json", action="store_true", help="以 JSON 输出")
    show.set_defaults(handler=run_show)


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def run_init(args: argparse.Namespace) -> int:
    from app.errors import PanelDeskError
    from app.keys import KeyStore, format_fingerprint, resolve_passphrase

    store = KeyStore()
    if store.exists() and not args.force:
        raise PanelDeskError(f"密钥已存在：{store.path}。如确需重新生成，请使用 --force")
    fp = store.create(resolve_passphrase(args.passphrase_file, confirm=True),
                      overwrite=args.force)
    print(f"已创建密钥：{store.path}")
    print(f"公钥指纹：{format_fingerprint(fp)}")
    print("请通过电话等可信渠道把指纹告知组织方核对。")
    return 0


def run_show(args: argparse.Namespace) -> int:
    from app.keys import KeyStore, b64, fingerprint, format_fingerprint

    store = KeyStore()
    public = store.public_key()  # PanelDeskError (exit 1) when there is no key yet
    fp = fingerprint(public)
    if args.json:
        print(json.dumps({"fingerprint": fp, "public_key": b64(public), "path": str(store.path)},
                         ensure_ascii=False))
    else:
        print(f"公钥指纹：{format_fingerprint(fp)}")
        print(f"公钥：{b64(public)}")
        print(f"密钥文件：{store.path}")
    return 0
