"""district"""
