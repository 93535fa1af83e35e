#!/usr/bin/env python3
# -*- coding: utf-8 -*-
# SPDX-License-Identifier: Apache License 2.0

def double(x):
    return 2 * x
